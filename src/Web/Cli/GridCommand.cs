using System.CommandLine;
using Spectre.Console;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>grid &lt;slide&gt; [--mask M | --annotations X] [--cell-size 128 | --cell-microns M] [--patch-microns P] [--mpp X] [--min-tissue-area N] [--json] [--png out.png]</c>:
/// the analysis grid of one slide, with the seed's per-slide tissue / tumor / normal counts.
/// </summary>
public static class GridCommand
{
    public static Command Create()
    {
        var slide = new Argument<string>("slide") { Description = "Slide file (anything OpenSlide reads)." };
        var mask = new Option<string?>("--mask") { Description = "Tumor mask slide of the same level-0 size (nonzero red = tumor)." };
        var annotations = new Option<string?>("--annotations") { Description = "ASAP annotation XML (CAMELYON16/17 groups) or QuPath GeoJSON (.geojson)." };
        var cellSize = new Option<int>("--cell-size") { Description = "Cell edge in level-0 pixels.", DefaultValueFactory = _ => AnalysisGrid.DefaultCellSize };
        var minArea = new Option<int>("--min-tissue-area") { Description = "Drop tissue components smaller than this many cells.", DefaultValueFactory = _ => new GridOptions().MinTissueArea };
        var threshold = new Option<int>("--tumor-slide-threshold") { Description = "Tumor cells that make a tumor slide.", DefaultValueFactory = _ => new GridOptions().TumorSlideThreshold };
        var maxPixels = new Option<long>("--max-tissue-pixels") { Description = "Refuse a slide whose tissue detection would decode more pixels than this.", DefaultValueFactory = _ => GridOptions.DefaultMaxTissuePixels };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout." };
        var png = new Option<string?>("--png") { Description = "Write the grid over the slide thumbnail as a PNG." };
        var command = new Command("grid", "Tissue, tumor and normal cells of a slide's analysis grid.")
            { slide, mask, annotations, cellSize, minArea, threshold, maxPixels, json, png };
        var microns = new MicronOptions();
        microns.AddTo(command);

        command.SetAction(async (parse, ct) =>
        {
            if (microns.Problem(parse) is { } micronProblem) return CliOutput.Fail(micronProblem);
            var request = new GridRequest(parse.GetValue(slide)!, parse.GetValue(mask), parse.GetValue(annotations),
                new GridOptions { CellSize = parse.GetValue(cellSize), MinTissueArea = parse.GetValue(minArea), TumorSlideThreshold = parse.GetValue(threshold),
                    MaxTissuePixels = parse.GetValue(maxPixels), CellMicrons = microns.CellMicrons(parse), Mpp = microns.Mpp(parse) },
                parse.GetValue(png));
            var problem = request.Problem();
            if (problem is not null) return CliOutput.Fail($"{request.SlidePath}: {problem}");
            try
            {
                var grid = await CliOutput.WithProgressAsync("grid", progress => Task.Run(() => request.Build(progress, ct), ct));
                if (request.PngPath is not null) GridPng.Write(grid, request.PngPath);
                var report = GridReport.From(grid) with { PatchMicrons = microns.PatchMicrons(parse) };
                if (report.PatchMicrons is { } patchMicrons)
                    report = report with { PatchPixels = PatchPixels(request.SlidePath, patchMicrons, microns.Mpp(parse)) };
                if (parse.GetValue(json)) CliOutput.WriteJson(report);
                else Print(report, request.PngPath);
                return 0;
            }
            catch (Exception e) when (e is SlideException or AnnotationException or IOException)
            {
                return CliOutput.Fail(e.Message);
            }
        });
        return command;
    }

    /// <summary>The context patch's edge in level-0 pixels of this slide: what extract and heatmap would read.</summary>
    private static int PatchPixels(string slidePath, double patchMicrons, double? mpp)
    {
        using var slide = OpenSlideSlide.Open(slidePath);
        return PhysicalSize.Pixels(patchMicrons, SlideResolution.Require(slide.Metadata, mpp));
    }

    private static void Print(GridReport report, string? pngPath)
    {
        var console = CliOutput.Human(json: false);
        console.MarkupLine($"[bold]{Markup.Escape(report.Slide)}[/]  [green]{report.Role}[/] slide");
        var table = new Table().AddColumns("grid", "cell size", "tissue", "tumor", "normal");
        table.AddRow($"{report.GridWidth} x {report.GridHeight}", $"{report.CellSize}",
            $"{report.TissueCells}", $"{report.TumorCells}", $"{report.NormalCells}");
        console.Write(table);
        if (report.PatchPixels is { } pixels) console.WriteLine($"a {report.PatchMicrons} µm patch is {pixels} level-0 pixels of this slide");
        if (pngPath is not null) console.WriteLine($"grid image: {pngPath}");
    }
}
