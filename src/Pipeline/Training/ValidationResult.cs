namespace TumorWeb.Pipeline.Training;

/// <summary>The validation split scored once: mean loss and accuracy, and the AUC (null when one class is absent).</summary>
internal sealed record ValidationResult(MetricSums Sums, double? Auc, double ImagesPerSecond);
