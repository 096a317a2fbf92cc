namespace TumorWeb.Pipeline.Evaluation;

/// <summary>A step of the FROC curve: what keeping the detections scored at or above <paramref name="Threshold"/> gives.</summary>
public readonly record struct FrocCurvePoint(double Threshold, double AverageFalsePositives, double Sensitivity);
