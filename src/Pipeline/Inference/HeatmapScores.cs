namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// The probability of every grid cell (row-major; cells outside the tissue are 0) and where the
/// time went. Reading and scoring overlap, so <see cref="ReadSeconds"/> + <see cref="ModelSeconds"/>
/// can exceed <see cref="Seconds"/>; <see cref="WaitSeconds"/> is how long the model sat idle
/// waiting for patches (high: reading is the bottleneck; near 0: the model is).
/// </summary>
public sealed record HeatmapScores(float[] Probabilities, int ScoredCells, double Seconds, double ReadSeconds, double ModelSeconds, double WaitSeconds)
{
    public double CellsPerSecond => Seconds > 0 ? ScoredCells / Seconds : 0;
}
