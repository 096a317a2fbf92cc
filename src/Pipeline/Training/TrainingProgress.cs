namespace TumorWeb.Pipeline.Training;

public enum TrainingEvent
{
    /// <summary>The run is set up; <see cref="TrainingProgress.Message"/> says what it resumes, if anything.</summary>
    Started,

    /// <summary>An optimizer step finished.</summary>
    Step,

    /// <summary>The epoch's steps are done; the validation split is being scored.</summary>
    Validating,

    /// <summary>An epoch finished; <see cref="TrainingProgress.Completed"/> holds its metrics.</summary>
    EpochEnd,

    /// <summary>A checkpoint was written to <see cref="TrainingProgress.Message"/>.</summary>
    Checkpoint,

    /// <summary>Something the user should know, e.g. that the validation split is empty.</summary>
    Note,
}

/// <summary>
/// Where training run <paramref name="RunId"/> is: epoch (1-based) of how many, the global step of
/// how many, the running means of the current epoch, training throughput and the estimated time left.
/// </summary>
public sealed record TrainingProgress(
    int RunId,
    TrainingEvent Event,
    int Epoch,
    int Epochs,
    long Step,
    long TotalSteps,
    int BatchInEpoch,
    int BatchesPerEpoch,
    double Loss,
    double Accuracy,
    double ImagesPerSecond,
    TimeSpan? Eta,
    EpochMetrics? Completed = null,
    string? Message = null)
{
    public double Fraction => TotalSteps <= 0 ? 0 : Math.Clamp((double)Step / TotalSteps, 0, 1);

    /// <summary>A note from before the first step (e.g. the feature cache being built).</summary>
    public static TrainingProgress Note(int runId, int epochs, string message) =>
        new(runId, TrainingEvent.Note, 1, epochs, 0, 0, 0, 0, double.NaN, double.NaN, 0, null, null, message);
}
