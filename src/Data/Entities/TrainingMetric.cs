namespace TumorWeb.Data.Entities;

/// <summary>
/// A point of a training curve. Train rows average the steps since the previous train row;
/// a validation row scores the whole validation split at the end of an epoch.
/// </summary>
public class TrainingMetric
{
    public long Id { get; set; }
    public int TrainingRunId { get; set; }
    public TrainingRun? TrainingRun { get; set; }

    /// <summary>1-based, like Keras's "Epoch 1/5".</summary>
    public int Epoch { get; set; }

    /// <summary>Optimizer steps done since the run began, counted over every epoch.</summary>
    public long Step { get; set; }

    public TrainingPhase Phase { get; set; }

    /// <summary>Mean binary cross-entropy over <see cref="Images"/>.</summary>
    public double Loss { get; set; }

    public double Accuracy { get; set; }

    /// <summary>Validation rows only; null too when the split holds one class.</summary>
    public double? Auc { get; set; }

    /// <summary>Images the row averages over, so rows combine into exact epoch means.</summary>
    public int Images { get; set; }

    public double ImagesPerSecond { get; set; }
    public DateTimeOffset At { get; set; }
}
