using System.CommandLine;

namespace TumorWeb.Web.Cli;

/// <summary>The tumorweb command line: one subcommand per pipeline stage.</summary>
public static class CliApp
{
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("TumorWeb: find tumor metastases in whole-slide images.");
        root.Subcommands.Add(SlideCommand.Create());
        root.Subcommands.Add(GridCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(MineCommand.Create());
        root.Subcommands.Add(HeatmapCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(UsersCommand.CreateTokens());
        root.Subcommands.Add(WorkerCommand.Create());
        return root;
    }

    /// <summary>
    /// True when the arguments name a subcommand (or ask for help); otherwise they are web host
    /// settings (none at all, or e.g. <c>--urls http://0.0.0.0:8080</c>) and the web app starts.
    /// </summary>
    public static bool IsSubcommand(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "-h" or "-?" or "--help" or "--version");
}
