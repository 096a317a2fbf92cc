namespace TumorWeb.Pipeline.Training;

/// <summary>
/// How far a run has got, saved in each checkpoint: <paramref name="Epoch"/> epochs are finished
/// and validated, <paramref name="BatchInEpoch"/> batches of the next one are trained, and
/// <paramref name="Step"/> optimizer steps are done in all. The sums of the current epoch and of the
/// metric row being gathered make the resumed curve continue as if nothing had happened.
/// </summary>
public sealed record TrainingPosition(int Epoch, int BatchInEpoch, long Step, MetricSums EpochSums, MetricSums WindowSums)
{
    public static TrainingPosition Start { get; } = new(0, 0, 0, default, default);

    /// <summary>Later positions first: more steps, then an epoch closed by its validation.</summary>
    public static int CompareProgress(TrainingPosition a, TrainingPosition b) =>
        a.Step != b.Step ? a.Step.CompareTo(b.Step) : a.Epoch.CompareTo(b.Epoch);
}
