using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Mining;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>mine --model &lt;checkpoint&gt; --patches &lt;extraction&gt; --top K [--out DIR] [--batch N] [--db F] [--json]</c>:
/// hard-negative mining. Scores the unsampled normal cells of the extraction's training slides and
/// writes a derived extraction run with the K highest-scoring ones added as normal patches.
/// </summary>
public static class MineCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model that scores the candidates: a train checkpoint or a darkness-baseline JSON.", Required = true };
        var patches = new Option<string>("--patches") { Description = "Extraction folder to mine (its training slides only).", Required = true };
        var top = new Option<int>("--top") { Description = "How many of the highest-scoring normal cells to add as normal patches.", Required = true };
        var output = new Option<string?>("--out") { Description = "Folder of the derived run (default: <patches>-hard-negatives-<K> beside it)." };
        var batch = new Option<int>("--batch") { Description = "Patches per model call.", DefaultValueFactory = _ => 32 };
        var db = new Option<string?>("--db") { Description = "SQLite catalog (default: <patches>/catalog.db); the derived run is recorded in it too." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout." };
        var command = new Command("mine", "Hard-negative mining: add the model's highest-scoring normal cells of the training slides as normal patches, in a new derived extraction run.")
        {
            model, patches, top, output, batch, db, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new MiningOptions
            {
                ModelPath = parse.GetValue(model)!, PatchesDirectory = parse.GetValue(patches)!, Top = parse.GetValue(top),
                OutputDirectory = parse.GetValue(output), BatchSize = parse.GetValue(batch),
            };
            var catalog = CliDatabase.PathFor(parse.GetValue(db), options.PatchesDirectory);
            try
            {
                options.Validate();
                if (!File.Exists(catalog)) throw new FileNotFoundException($"{catalog}: catalog not found; run extract first or pass --db", catalog);
                var miner = new HardNegativeMiner(await CliDatabase.OpenAsync(catalog, ct), TimeProvider.System);
                var report = await CliOutput.WithProgressAsync("mine", progress => Task.Run(() => miner.RunAsync(options, new Bar(progress), ct), ct));
                if (parse.GetValue(json)) Console.Out.WriteLine(Json(report, catalog));
                Print(CliOutput.Human(parse.GetValue(json)), report, catalog);
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException
                                          or SlideException or AnnotationException or UnauthorizedAccessException)
            {
                return CliOutput.Fail(e.Message);
            }
            catch (OperationCanceledException)
            {
                return CliOutput.Fail($"{options.OutputFolder}: cancelled; run the same command again to mine from the start");
            }
        });
        return command;
    }

    /// <summary>The report's fields plus <c>catalog</c>: the database that holds both runs.</summary>
    private static string Json(MiningReport report, string catalog)
    {
        var node = JsonSerializer.SerializeToNode(report, CliOutput.Json)!.AsObject();
        node["catalog"] = catalog;
        return node.ToJsonString(CliOutput.Json);
    }

    private static void Print(IAnsiConsole console, MiningReport report, string catalog)
    {
        console.MarkupLine($"[bold]derived extraction run {report.RunId}[/] from run {report.SourceRunId}: {Markup.Escape(report.Derivation)}");
        var table = new Table().AddColumns("slide", "x", "y", "score");
        foreach (var cell in report.Mined.Take(10)) table.AddRow(Markup.Escape(cell.Slide), $"{cell.X}", $"{cell.Y}", $"{cell.Score:0.0000}");
        if (report.Mined.Count > 10) table.AddRow("...", "", "", "");
        console.Write(table);
        console.WriteLine($"{report.Candidates:N0} candidate cells on {Plural.Of(report.TrainingSlides, "training slide")} scored at {report.CellsPerSecond:0} cells/s; " +
                          $"{report.OriginalPatches:N0} + {report.Mined.Count:N0} = {report.Patches:N0} patches, packs {(report.PacksLinked ? "linked" : "copied")}");
        console.WriteLine($"written to {report.OutputDirectory}; train on it with: tumorweb train --patches {report.OutputDirectory} --db {catalog} ...");
    }

    private sealed class Bar(IProgress<StageProgress> progress) : IProgress<MiningProgress>
    {
        public void Report(MiningProgress value) =>
            progress.Report(new StageProgress(HardNegativeMiner.Stage, (long)(value.Fraction * 1000), 1000, value.Message));
    }
}
