using System.Text.Json;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Web.Features.Charts;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// Reads an evaluation's results straight from what it stored (the report JSON in SQLite, the
/// heatmap files on disk), so the page does not go through its own HTTP API.
/// </summary>
public static class EvaluationResults
{
    /// <summary>Enough points to draw a curve smoothly; the AUC stays the exact one.</summary>
    public const int RocPoints = 200;

    /// <summary>The stored evaluation.json, or null when the run has none yet.</summary>
    /// <exception cref="InvalidDataException">The stored report is not an evaluation report.</exception>
    public static EvaluationReport? Report(EvaluationRun run)
    {
        if (string.IsNullOrWhiteSpace(run.Report)) return null;
        try
        {
            return JsonSerializer.Deserialize<EvaluationReport>(run.Report, EvaluationReportFile.Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"evaluation {run.Id}: stored report is not readable ({e.Message})", e);
        }
    }

    /// <summary>Computes the slide's ROC curves from its heatmap folder; the problem when the files are missing or disagree.</summary>
    public static SlideRoc Roc(EvaluationSlide slide)
    {
        if (string.IsNullOrEmpty(slide.HeatmapDirectory) || !Directory.Exists(slide.HeatmapDirectory))
            return SlideRoc.Failed($"{slide.Name}: heatmap folder {slide.HeatmapDirectory} not found");
        try
        {
            var cells = HeatmapFolder.Read(slide.HeatmapDirectory).Cells;
            if (cells.Tumor is null) return SlideRoc.Failed($"{slide.Name}: no ground truth, so no ROC curve");
            var all = CellAuc.AllCells(cells.Probabilities, cells.Tumor);
            var tissue = CellAuc.TissueCells(cells.Probabilities, cells.Tumor, cells.Tissue);
            if (!all.IsDefined) return SlideRoc.Failed($"{slide.Name}: no tumor cell, so the ROC curve is undefined");
            return new SlideRoc(Points(all), Points(tissue), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            return SlideRoc.Failed(e.Message);
        }
    }

    private static IReadOnlyList<ApexPoint> Points(RocCurve curve) =>
        curve.IsDefined
            ? Pipeline.Evaluation.Roc.Downsample(curve, RocPoints).Points.Select(p => new ApexPoint(p.FalsePositiveRate, p.TruePositiveRate)).ToList()
            : [];

    /// <summary>The series of a ROC chart: all cells, tissue cells, and the chance diagonal.</summary>
    public static IReadOnlyList<ApexSeries> RocSeries(SlideRoc roc) =>
    [
        new("all cells", roc.AllCells) { Color = "#1565c0" },
        new("tissue cells", roc.TissueCells) { Color = "#2e7d32" },
        new("chance", [new ApexPoint(0, 0), new ApexPoint(1, 1)]) { Color = "#9e9e9e", Dashed = true },
    ];
}
