using System.CommandLine;
using Spectre.Console;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>synth &lt;out-dir&gt; --slides N --size WxH --seed S [--normal K] [--stain-shift S] [--json]</c>: writes a
/// CAMELYON-style dataset of synthetic slides, masks and annotations for tests, demos and benchmarks.
/// </summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("out-dir") { Description = "Folder to write the slides into (created if missing)." };
        var slides = new Option<int>("--slides") { Description = "How many slides to write.", Required = true };
        var size = new Option<string>("--size") { Description = "Level-0 size of every slide, WIDTHxHEIGHT (e.g. 4096x4096).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed writes the same pixels and polygons.", Required = true };
        var normal = new Option<int>("--normal") { Description = "How many of the slides have no tumor.", DefaultValueFactory = _ => 0 };
        var mpp = new Option<double>("--mpp") { Description = "Microns per pixel, written as the TIFF resolution tags (0.25 is a 40x scan).", DefaultValueFactory = _ => SynthOptions.DefaultMpp };
        var stainShift = new Option<double>("--stain-shift")
        {
            Description = "-1 to 3: move every slide's stain outside the default range: stain vectors tilted by |S| (at most 1), haematoxylin uptake times 1 + 0.7 S (darker above 0, faded below); 0 writes the default slides.",
            DefaultValueFactory = _ => 0,
        };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout." };
        var command = new Command("synth", "Write synthetic H&E slides (name.tif), tumor masks (name_mask.tif) and ASAP annotations (name.xml).")
        {
            output, slides, size, seed, normal, mpp, stainShift, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            SynthOptions options;
            try
            {
                var (width, height) = SynthSize.Parse(parse.GetValue(size)!);
                options = new SynthOptions(parse.GetValue(output)!, parse.GetValue(slides), width, height, parse.GetValue(seed), parse.GetValue(normal),
                    parse.GetValue(mpp), parse.GetValue(stainShift));
                options.Validate();
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                return CliOutput.Fail(e.Message);
            }
            return await RunAsync(options, parse.GetValue(json), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(SynthOptions options, bool json, CancellationToken ct)
    {
        try
        {
            var written = await CliOutput.WithProgressAsync("synth",
                progress => Task.Run(() => SyntheticSlideGenerator.Generate(options, progress, ct), ct));
            var report = new SynthReport(written.Select(SynthSlideReport.From).ToList());
            if (json) CliOutput.WriteJson(report);
            else Print(report);
            return 0;
        }
        catch (Exception e) when (e is IOException or SlideException)
        {
            return CliOutput.Fail(e.Message);
        }
        catch (OperationCanceledException)
        {
            return CliOutput.Fail("cancelled (finished slides were kept, the unfinished one removed)");
        }
    }

    private static void Print(SynthReport report)
    {
        var table = new Table().AddColumns("name", "size", "tumor", "tumor polygons", "files");
        foreach (var s in report.Slides)
            table.AddRow(Markup.Escape(s.Name), $"{s.Width} x {s.Height}", s.HasTumor ? "yes" : "no", $"{s.TumorPolygons}",
                Markup.Escape(string.Join(", ", new[] { s.Slide, s.Mask, s.Annotations }.Select(Path.GetFileName))));
        var console = CliOutput.Human(json: false);
        console.Write(table);
        if (report.Slides.Count > 0) console.WriteLine($"written to {Path.GetDirectoryName(report.Slides[0].Slide)}");
    }
}

/// <summary>The JSON shape of <c>synth --json</c>; field names are an interface for scripts.</summary>
public sealed record SynthReport(IReadOnlyList<SynthSlideReport> Slides);

public sealed record SynthSlideReport(string Name, string Slide, string Mask, string Annotations, int Width, int Height, bool HasTumor, int TumorPolygons)
{
    public static SynthSlideReport From(SyntheticSlide s) =>
        new(s.Name, s.SlidePath, s.MaskPath, s.AnnotationPath, s.Width, s.Height, s.HasTumor, s.TumorPolygons.Count);
}
