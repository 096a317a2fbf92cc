using System.CommandLine;
using Spectre.Console;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Cli;

/// <summary><c>slide info &lt;path&gt; [--json]</c>: what OpenSlide sees in a file.</summary>
public static class SlideCommand
{
    public static Command Create()
    {
        var command = new Command("slide", "Inspect whole-slide images.");
        command.Subcommands.Add(CreateInfo());
        return command;
    }

    private static Command CreateInfo()
    {
        var path = new Argument<string>("path") { Description = "Slide file (TIFF, SVS, ... anything OpenSlide reads)." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout." };
        var info = new Command("info", "Vendor, pyramid levels, microns per pixel, tiles and associated images.") { path, json };
        info.SetAction(parse =>
        {
            try
            {
                using var slide = OpenSlideSlide.Open(parse.GetValue(path)!);
                var report = SlideInfo.From(slide.Metadata);
                if (parse.GetValue(json)) CliOutput.WriteJson(report);
                else Print(report);
                return 0;
            }
            catch (SlideException e)
            {
                return CliOutput.Fail(e.Message);
            }
        });
        return info;
    }

    private static void Print(SlideInfo info)
    {
        var console = CliOutput.Human(json: false);
        console.MarkupLine($"[bold]{Markup.Escape(info.Path)}[/]  vendor [green]{Markup.Escape(info.Vendor)}[/]");
        console.WriteLine($"microns per pixel: {(info.Mpp is null ? "unknown" : $"{info.Mpp:0.####} x {info.MppY:0.####}")}");
        if (info.Mpp is null && info.Resolution is { } resolution)
            console.WriteLine($"resolution from {resolution.Source}: {resolution.X:0.####} x {resolution.Y:0.####} µm per pixel");
        console.WriteLine($"tile size: {(info.TileWidth is null ? "unknown" : $"{info.TileWidth} x {info.TileHeight}")}");
        var table = new Table().AddColumns("level", "width", "height", "downsample");
        for (var i = 0; i < info.Levels.Count; i++)
        {
            var level = info.Levels[i];
            table.AddRow($"{i}", $"{level.Width}", $"{level.Height}", $"{level.Downsample:0.###}");
        }
        console.Write(table);
        console.WriteLine($"associated images: {(info.AssociatedImages.Count == 0 ? "none" : string.Join(", ", info.AssociatedImages))}");
    }
}

/// <summary>
/// The JSON shape of <c>slide info</c>; field names are an interface for scripts. <c>mpp</c> is what
/// OpenSlide says; <c>resolution</c> (<c>x</c>, <c>y</c>, <c>source</c>) is what sizes in microns use,
/// from OpenSlide or else the TIFF resolution tags (null when neither says).
/// </summary>
public sealed record SlideInfo(
    string Path,
    string Vendor,
    IReadOnlyList<SlideLevel> Levels,
    double? Mpp,
    double? MppY,
    int? TileWidth,
    int? TileHeight,
    IReadOnlyList<string> AssociatedImages,
    MicronsPerPixel? Resolution)
{
    public static SlideInfo From(SlideMetadata m) =>
        new(m.Path, m.Vendor, m.Levels, m.MppX, m.MppY, m.TileWidth, m.TileHeight, m.AssociatedImages, SlideResolution.Of(m));
}
