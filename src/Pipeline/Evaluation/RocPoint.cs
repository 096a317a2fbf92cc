namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// One step of a ROC curve: the rates reached when every score at or above
/// <paramref name="Threshold"/> is called positive.
/// </summary>
public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
