namespace TumorWeb.Pipeline.Training;

/// <summary>
/// One finished epoch (1-based): mean training loss and accuracy over its steps, and the
/// validation split's loss, accuracy and AUC (null without a validation split; AUC null too when
/// the split holds one class).
/// </summary>
public sealed record EpochMetrics(int Epoch, double Loss, double Accuracy, double? ValLoss, double? ValAccuracy, double? ValAuc);
