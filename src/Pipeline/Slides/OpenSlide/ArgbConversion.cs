namespace TumorWeb.Pipeline.Slides.OpenSlide;

/// <summary>Turns OpenSlide's premultiplied ARGB into RGB.</summary>
internal static class ArgbConversion
{
    /// <summary>
    /// OpenSlide returns premultiplied ARGB (transparent where there is no tissue scan or outside
    /// the slide). Compositing premultiplied colour over white is c + (255 - a): fully transparent
    /// pixels become white and opaque ones keep their colour, which is what a pathologist sees.
    /// </summary>
    public static void ToRgbOverWhite(ReadOnlySpan<uint> argb, Span<byte> rgb)
    {
        for (var i = 0; i < argb.Length; i++)
        {
            var p = argb[i];
            var inverseAlpha = 255 - (int)(p >> 24);
            var o = i * 3;
            rgb[o] = (byte)Math.Min(255, (int)((p >> 16) & 0xFF) + inverseAlpha);
            rgb[o + 1] = (byte)Math.Min(255, (int)((p >> 8) & 0xFF) + inverseAlpha);
            rgb[o + 2] = (byte)Math.Min(255, (int)(p & 0xFF) + inverseAlpha);
        }
    }
}
