using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>Lengths in microns as level-0 pixels of one slide.</summary>
public static class PhysicalSize
{
    /// <summary>round(microns / mpp) in x, at least one pixel.</summary>
    public static int Pixels(double microns, MicronsPerPixel mpp)
    {
        var pixels = Math.Round(microns / mpp.X, MidpointRounding.AwayFromZero);
        if (pixels > 1 << 20) throw new ArgumentOutOfRangeException(nameof(microns), $"{microns} µm is {pixels} pixels at {mpp.X} µm/px, too many");
        return Math.Max(1, (int)pixels);
    }
}
