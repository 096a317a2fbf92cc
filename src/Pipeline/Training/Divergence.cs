namespace TumorWeb.Pipeline.Training;

/// <summary>
/// Whether a finished epoch shows the run has diverged. A classifier that always answers 0.5 has a
/// binary cross-entropy of ln 2 ≈ 0.69, so an epoch whose mean loss is a hundred times that has
/// learnt nothing and only blows up (tiny at learning rate 1 reached 6e11 and still "Completed").
/// </summary>
public static class Divergence
{
    public static readonly double MaxEpochLoss = 100 * Math.Log(2);

    /// <summary>Why the run must stop, with the fix, or null when the epoch looks sane.</summary>
    public static string? Reason(EpochMetrics epoch, double learningRate) =>
        double.IsFinite(epoch.Loss) && epoch.Loss <= MaxEpochLoss
            ? null
            : $"training diverged: epoch {epoch.Epoch}'s mean loss is {epoch.Loss:G3}, more than {MaxEpochLoss:0} " +
              $"(100 times a model that always answers 0.5); start again with a lower learning rate (now {learningRate:G3})";
}
