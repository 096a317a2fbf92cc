namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Reinhard et al. (2001), "Color transfer between images": a colour distribution summed up by the
/// mean and standard deviation of each L*a*b* channel over the tissue pixels.
/// </summary>
public sealed record ReinhardStain(double MeanL, double MeanA, double MeanB, double StdL, double StdA, double StdB)
{
    /// <param name="lab">L*, a*, b* of tissue pixels, interleaved.</param>
    public static ReinhardStain Fit(ReadOnlySpan<double> lab)
    {
        var count = lab.Length / 3;
        if (count < 2) throw new ArgumentException($"{count} tissue pixels are too few to fit a colour distribution");
        var mean = new double[3];
        for (var i = 0; i < lab.Length; i++) mean[i % 3] += lab[i];
        for (var c = 0; c < 3; c++) mean[c] /= count;
        var variance = new double[3];
        for (var i = 0; i < lab.Length; i++) variance[i % 3] += (lab[i] - mean[i % 3]) * (lab[i] - mean[i % 3]);
        var std = variance.Select(v => Math.Sqrt(v / count)).ToArray();
        return new ReinhardStain(mean[0], mean[1], mean[2], std[0], std[1], std[2]);
    }

    /// <summary>Where a value of channel <paramref name="channel"/> goes when this distribution is mapped onto <paramref name="target"/>.</summary>
    public double MapTo(ReinhardStain target, int channel, double value) => channel switch
    {
        0 => (value - MeanL) / Safe(StdL) * target.StdL + target.MeanL,
        1 => (value - MeanA) / Safe(StdA) * target.StdA + target.MeanA,
        2 => (value - MeanB) / Safe(StdB) * target.StdB + target.MeanB,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    // A flat channel (one colour only) keeps its spread rather than dividing by zero.
    private static double Safe(double std) => std > 1e-6 ? std : 1;
}
