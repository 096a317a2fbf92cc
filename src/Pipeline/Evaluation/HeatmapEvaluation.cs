using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// The evaluation stage: reads a folder of slide heatmaps (as <see cref="HeatmapWriter"/> writes
/// them) and measures them against their ground truth: per-slide ROC AUC over all cells and over
/// tissue cells, slide-level AUC and FROC. Writes roc.png (per-slide tissue ROC curves) and
/// evaluation.json into the folder. See docs/evaluation.md.
/// </summary>
public static class HeatmapEvaluation
{
    public const string RocPngName = "roc.png";
    public const string ReportName = "evaluation.json";
    public const string Stage = "evaluate";

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">No heatmap with ground truth, or a heatmap's files are broken (the message names the file).</exception>
    public static EvaluationReport Run(string heatmapsDirectory, EvaluationOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var folders = HeatmapFolder.SlideFolders(heatmapsDirectory);
        if (folders.Count == 0)
            throw new InvalidDataException($"{heatmapsDirectory}: no heatmaps (no folder holding {HeatmapSummaryFile.FileName})");
        var (labelled, models, trainingSlides, warnings) = ReadAll(folders, progress, ct);
        if (labelled.Count == 0)
            throw new InvalidDataException(
                $"{heatmapsDirectory}: none of the {folders.Count} heatmaps has ground truth; make them with --mask or --annotations");
        warnings.AddRange(EvaluationWarnings.TrainedOn(labelled.Select(h => (h.Name, h.Summary.SlideHash)).ToList(),
            trainingSlides.Names, trainingSlides.Hashes));
        warnings.AddRange(EvaluationWarnings.MixedModels(models));

        var slides = labelled.Select((heatmap, i) => SlideMeasures.Of(heatmap, i)).ToList();
        var slideAuc = SlideAuc.Curve(labelled.Select(h => SlideOutcome.FromGrid(h.Name, h.Cells.Probabilities, h.Cells.Tumor!)).ToList());
        var froc = Froc.Compute(labelled.Select(h => new FrocSlide(h.Name, h.Cells.Width, h.Cells.Height, h.Cells.Probabilities, h.Cells.Tumor!)).ToList(),
            options.Froc);

        var folder = Path.GetFullPath(heatmapsDirectory);
        var report = new EvaluationReport(folder, slides.Select(s => s.Evaluation).ToList(), JsonNumber.OrNull(slideAuc.Auc),
            FrocReportOf(froc), warnings, Path.Combine(folder, RocPngName), Path.Combine(folder, ReportName));
        var chart = slides.Where(s => s.TissueRoc.IsDefined)
            .Select(s => (Roc.Downsample(s.TissueRoc, options.ChartPoints), SlidePalette.Colour(s.Index))).ToList();
        PngFile.Write(RocChart.Render(chart, options.ChartSize), report.RocPng);
        EvaluationReportFile.Write(report, report.EvaluationJson);
        return report;
    }

    private static (List<StoredHeatmap> Labelled, List<string> Models, (List<string> Names, List<string> Hashes) TrainingSlides, List<string> Warnings) ReadAll(
        IReadOnlyList<string> folders, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var counter = new ProgressCounter(Stage, folders.Count, progress);
        var (labelled, models, trainingSlides, warnings) = (new List<StoredHeatmap>(), new List<string>(), (Names: new List<string>(), Hashes: new List<string>()), new List<string>());
        foreach (var folder in folders)
        {
            ct.ThrowIfCancellationRequested();
            var heatmap = HeatmapFolder.Read(folder);
            models.Add(heatmap.Summary.Model);
            trainingSlides.Names.AddRange(heatmap.Summary.TrainingSlides ?? []);
            trainingSlides.Hashes.AddRange(heatmap.Summary.TrainingSlideHashes ?? []);
            warnings.AddRange(EvaluationWarnings.OfHeatmap(heatmap.Name, heatmap.Summary.Warnings));
            if (heatmap.Cells.Tumor is null) warnings.Add(EvaluationWarnings.NoGroundTruth(heatmap.Name));
            else labelled.Add(heatmap);
            counter.Add(1, heatmap.Name);
        }
        return (labelled, models, trainingSlides, warnings);
    }

    private static FrocReport FrocReportOf(FrocResult froc) => new(
        froc.SensitivityAt.Select(p => new FrocPointReport(p.AverageFalsePositives, JsonNumber.OrNull(p.Sensitivity))).ToList(),
        JsonNumber.OrNull(froc.Score), froc.LesionCount, JsonNumber.OrNull(froc.NormalSlideFalsePositivesAt90));
}
