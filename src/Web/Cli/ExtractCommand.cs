using System.CommandLine;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Web.Cli;

/// <summary><c>extract &lt;dataset-dir&gt; --out &lt;dir&gt; [--seed S] [--json]</c>: balanced patch extraction.</summary>
public static class ExtractCommand
{
    public const int SomeSlidesFailed = 3;
    public const int Cancelled = 130;

    public static Command Create()
    {
        var dataset = new Argument<string>("dataset-dir") { Description = "Folder of slides with name_mask.tif masks or name.xml annotations." };
        var output = new Option<string>("--out") { Description = "Folder for the patch pack and its catalog.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and the draw.", DefaultValueFactory = _ => ExtractionOptions.DefaultSeed };
        var db = new Option<string?>("--db") { Description = "SQLite catalog to use (default: <out>/catalog.db)." };
        var cellSize = new Option<int>("--cell-size") { Description = "Grid cell in level-0 pixels.", DefaultValueFactory = _ => AnalysisGrid.DefaultCellSize };
        var patchSize = new Option<int>("--patch-size") { Description = "Context patch in level-0 pixels.", DefaultValueFactory = _ => AnalysisGrid.DefaultContextSize };
        var tumorFraction = new Option<double>("--tumor-fraction") { Description = "Share of a tumor slide's tumor cells to take.", DefaultValueFactory = _ => ExtractionOptions.DefaultTumorFraction };
        var normalPerTumor = new Option<double>("--normal-per-tumor") { Description = "Normal cells per tumor cell from a tumor slide.", DefaultValueFactory = _ => ExtractionOptions.DefaultNormalPerTumor };
        var threshold = new Option<int>("--tumor-slide-threshold") { Description = "Tumor cells that make a tumor slide.", DefaultValueFactory = _ => GridOptions.DefaultTumorSlideThreshold };
        var validation = new Option<double>("--validation-fraction") { Description = "Share of slides held out for validation.", DefaultValueFactory = _ => ExtractionOptions.DefaultValidationFraction };
        var test = new Option<double>("--test-fraction") { Description = "Share of slides held out for testing.", DefaultValueFactory = _ => ExtractionOptions.DefaultTestFraction };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout." };
        var command = new Command("extract", "Label the grid of every slide, draw balanced samples (a third of each tumour slide's tumour cells, half as many normal cells, the rest from normal slides) and store their context patches.")
        {
            dataset, output, seed, db, cellSize, patchSize, tumorFraction, normalPerTumor, threshold, validation, test, json,
        };
        var microns = new MicronOptions();
        microns.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = new ExtractionOptions
            {
                DatasetDirectory = parse.GetValue(dataset)!,
                OutputDirectory = parse.GetValue(output)!,
                Seed = parse.GetValue(seed),
                PatchSize = parse.GetValue(patchSize),
                PatchMicrons = microns.PatchMicrons(parse),
                Grid = new GridOptions { CellSize = parse.GetValue(cellSize), TumorSlideThreshold = parse.GetValue(threshold),
                    CellMicrons = microns.CellMicrons(parse), Mpp = microns.Mpp(parse) },
                TumorFraction = parse.GetValue(tumorFraction),
                NormalPerTumor = parse.GetValue(normalPerTumor),
                ValidationFraction = parse.GetValue(validation),
                TestFraction = parse.GetValue(test),
            };
            return await RunAsync(options, parse.GetValue(db), parse.GetValue(json), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ExtractionOptions options, string? dbPath, bool json, CancellationToken ct)
    {
        try
        {
            options.Validate();
            var factory = await CliDatabase.OpenAsync(CliDatabase.PathFor(dbPath, options.OutputDirectory), ct);
            var runner = new ExtractionRunner(factory, TimeProvider.System);
            var report = await CliOutput.WithProgressAsync("extract", progress => runner.RunAsync(options, progress, ct));
            if (json) CliOutput.WriteJson(ExtractionJson.From(report));
            ExtractionTable.Print(CliOutput.Human(json), report);
            if (report.Status == Data.Entities.RunStatus.Failed) return CliOutput.Fail($"{options.DatasetDirectory}: {report.Error}");
            return report.FailedSlides > 0 ? SomeSlidesFailed : 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled: run the same command again to resume without duplicates");
            return Cancelled;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException or ArgumentException)
        {
            return CliOutput.Fail(e.Message);
        }
    }
}
