using System.CommandLine;

namespace TumorWeb.Web.Tests.Cli;

/// <summary>
/// Runs one command inside a throwaway root command in this process, capturing the console, for
/// commands that the real executable's CliApp does not register yet.
/// </summary>
public static class InProcessCli
{
    public static async Task<CliRunner.Result> RunAsync(Command command, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exitCode = await new RootCommand { command }.Parse(args).InvokeAsync();
            return new CliRunner.Result(exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}

/// <summary>Tests that swap Console.Out run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
