namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// The result of evaluating a folder of heatmaps, as written to evaluation.json (camelCase).
/// Undefined numbers (a slide without tumor has no AUC) are null, since JSON has no NaN.
/// </summary>
public sealed record EvaluationReport(
    string Heatmaps,
    IReadOnlyList<SlideEvaluation> Slides,
    double? SlideAuc,
    FrocReport Froc,
    IReadOnlyList<string> Warnings,
    string RocPng,
    string EvaluationJson);

/// <summary>
/// One slide: AUC over all cells (the seed's number) and over tissue cells only; the colour of its
/// tissue ROC curve in the ROC chart; the stain normalisation it was scored with (none, macenko or
/// reinhard; null for heatmaps written before it was recorded).
/// </summary>
public sealed record SlideEvaluation(
    string Name,
    string Model,
    int Cells,
    int TissueCells,
    int TumorCells,
    bool HasTumor,
    double MaxProbability,
    double? Auc,
    double? AucTissue,
    string RocColour,
    string? StainNormalize = null);

/// <summary>
/// Sensitivity at the CAMELYON16 operating points and their mean, the FROC score; and false
/// positives per normal slide at 90% lesion sensitivity (null when not reached or no normal slide).
/// </summary>
public sealed record FrocReport(IReadOnlyList<FrocPointReport> SensitivityAt, double? Score, int Lesions,
    double? NormalSlideFalsePositivesAt90 = null);

public sealed record FrocPointReport(double AverageFalsePositives, double? Sensitivity);
