namespace TumorWeb.Pipeline.Grid;

/// <summary>Per-pixel colour measures used to tell stained tissue from glass.</summary>
public static class TissuePixel
{
    /// <summary>Brighter than this in every channel is glass (or fat, which carries no stain).</summary>
    public const byte NearWhiteMinimum = 220;

    /// <summary>Darker than this in every channel is scanner border, dust or slide label, not tissue.</summary>
    public const byte NearBlackMaximum = 30;

    /// <summary>HSV saturation (max - min) / max scaled to 0..255 and rounded, as OpenCV computes it; black is 0.</summary>
    public static byte Saturation(byte r, byte g, byte b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        return max == 0 ? (byte)0 : (byte)((255 * (max - min) + max / 2) / max);
    }

    public static bool IsNearWhite(byte r, byte g, byte b) => Math.Min(r, Math.Min(g, b)) > NearWhiteMinimum;

    /// <summary>Near-black pixels are left out of the histogram: their saturation is noise ((10,5,5) gives 128).</summary>
    public static bool IsNearBlack(byte r, byte g, byte b) => Math.Max(r, Math.Max(g, b)) < NearBlackMaximum;
}
