namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Sensitivity reached at an average number of false positives per slide.</summary>
public readonly record struct FrocPoint(double AverageFalsePositives, double Sensitivity);
