using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Inference.Symmetry;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>heatmap &lt;slide&gt; --model &lt;checkpoint&gt; --out &lt;dir&gt; [--mask M | --annotations X] [--batch N] [--tta 1|4|8] [--json]</c>:
/// scores every tissue cell of a slide and writes <c>&lt;dir&gt;/&lt;slide-name&gt;/</c> (probabilities.npy,
/// cells.csv, heatmap.png, comparison.png, heatmap.json); with <c>--geojson</c> / <c>--asap-xml</c> also the
/// predicted tumour regions at <c>--threshold</c>, for QuPath and ASAP.
/// </summary>
public static class HeatmapCommand
{
    public static Command Create()
    {
        var slide = new Argument<string>("slide") { Description = "Slide file (anything OpenSlide reads)." };
        var model = new Option<string>("--model") { Description = "Model file: a trained checkpoint or a darkness-baseline JSON.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for the heatmaps; each slide gets a sub-folder named after it.", Required = true };
        var mask = new Option<string?>("--mask") { Description = "Tumor mask slide (ground truth for the AUC and the comparison figure)." };
        var annotations = new Option<string?>("--annotations") { Description = "ASAP annotation XML or QuPath GeoJSON (ground truth)." };
        var batch = new Option<int>("--batch") { Description = "Patches per model call.", DefaultValueFactory = _ => new HeatmapOptions().BatchSize };
        var tta = new Option<int>("--tta")
        {
            Description = "Test-time augmentation: average each patch's probability over 1 (off), 4 (rotations) or 8 (rotations and mirrors) transforms.",
            DefaultValueFactory = _ => TestTimeAugmentation.None,
        };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout." };
        var regions = RegionOptions.Create();
        var command = new Command("heatmap", "Score every tissue cell of a slide with a model and write its heatmap.")
            { slide, model, output, mask, annotations, batch, tta, json };
        regions.AddTo(command);
        var microns = new MicronOptions();
        microns.AddTo(command);

        command.SetAction(async (parse, ct) =>
        {
            var (slidePath, maskPath, annotationsPath) = (parse.GetValue(slide)!, parse.GetValue(mask), parse.GetValue(annotations));
            if (maskPath is not null && annotationsPath is not null)
                return CliOutput.Fail($"{slidePath}: give either --mask or --annotations, not both");
            if (parse.GetValue(batch) < 1) return CliOutput.Fail($"--batch must be at least 1, not {parse.GetValue(batch)}");
            if (!TestTimeAugmentation.IsValid(parse.GetValue(tta))) return CliOutput.Fail($"--tta must be 1, 4 or 8, not {parse.GetValue(tta)}");
            if (regions.Problem(parse) is { } regionProblem) return CliOutput.Fail(regionProblem);
            if (microns.Problem(parse) is { } micronProblem) return CliOutput.Fail(micronProblem);
            try
            {
                using var loaded = ModelLoading.Load(parse.GetValue(model)!);
                var options = new HeatmapOptions { BatchSize = parse.GetValue(batch), Tta = parse.GetValue(tta), TrainingSlides = loaded.TrainingSlides,
                    TrainingSlideHashes = loaded.TrainingSlideHashes, Stain = loaded.Stain, PatchMicrons = microns.PatchMicrons(parse) ?? loaded.PatchMicrons,
                    Grid = new Pipeline.Grid.GridOptions { CellMicrons = microns.CellMicrons(parse), Mpp = microns.Mpp(parse) } };
                var heatmap = await CliOutput.WithProgressAsync("heatmap", progress => Task.Run(() =>
                    SlideHeatmapper.RunAsync(slidePath, maskPath, annotationsPath, loaded.Classifier, options, progress, ct), ct));
                var (files, summary) = HeatmapWriter.Write(heatmap, parse.GetValue(output)!);
                foreach (var warning in summary.Warnings ?? []) Console.Error.WriteLine($"warning: {slidePath}: {warning}");
                var written = regions.Write(parse, heatmap, microns.Mpp(parse));
                if (parse.GetValue(json)) Console.Out.WriteLine(Json(summary, files, written));
                else Print(summary, files, written);
                return 0;
            }
            catch (Exception e) when (e is SlideException or AnnotationException or IOException or InvalidDataException)
            {
                return CliOutput.Fail(e.Message);
            }
            catch (OperationCanceledException)
            {
                return CliOutput.Fail($"{slidePath}: cancelled, no heatmap written");
            }
        });
        return command;
    }

    /// <summary>heatmap.json's fields plus <c>files</c>: where each output went.</summary>
    private static string Json(HeatmapSummary summary, HeatmapFiles files, RegionOptions.Written? regions)
    {
        var node = JsonSerializer.SerializeToNode(summary, CliOutput.Json)!.AsObject();
        node["files"] = new JsonObject
        {
            ["folder"] = files.Folder,
            ["probabilities"] = files.Probabilities,
            ["cells"] = files.Cells,
            ["heatmapPng"] = files.HeatmapPng,
            ["comparisonPng"] = files.ComparisonPng,
            ["summary"] = files.Summary,
        };
        if (regions is not null)
        {
            node["files"]!["geojson"] = regions.GeoJson;
            node["files"]!["asapXml"] = regions.AsapXml;
            node["regions"] = new JsonObject { ["threshold"] = regions.Threshold, ["count"] = regions.Count };
        }
        return node.ToJsonString(CliOutput.Json);
    }

    private static void Print(HeatmapSummary summary, HeatmapFiles files, RegionOptions.Written? regions)
    {
        var console = CliOutput.Human(json: false);
        var tta = summary.Tta == TestTimeAugmentation.None ? "" : $"  TTA x{summary.Tta}";
        console.MarkupLine($"[bold]{Markup.Escape(summary.Slide)}[/]  model {Markup.Escape(summary.Model)}{tta}");
        var table = new Table().AddColumns("grid", "tissue", "tumor", "seconds", "cells/s", "AUC", "tissue AUC");
        table.AddRow($"{summary.GridWidth} x {summary.GridHeight}", $"{summary.TissueCells}", summary.HasGroundTruth ? $"{summary.TumorCells}" : "n/a",
            $"{summary.Seconds:0.0}", $"{summary.CellsPerSecond:0}", CliNumber.Format(summary.Auc), CliNumber.Format(summary.AucTissue));
        console.Write(table);
        console.WriteLine($"written to {files.Folder}");
        if (regions is not null)
            console.WriteLine($"{regions.Count} predicted tumour regions at threshold {regions.Threshold}: {string.Join(", ", new[] { regions.GeoJson, regions.AsapXml }.OfType<string>())}");
    }
}
