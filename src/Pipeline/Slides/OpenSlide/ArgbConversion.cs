namespace TumorWeb.Pipeline.Slides.OpenSlide;

/// <summary>Turns OpenSlide's premultiplied ARGB into RGB.</summary>
internal static class ArgbConversion
{
    /// <summary>
    /// OpenSlide returns premultiplied ARGB (transparent where there is no tissue scan or outside
    /// the slide). Compositing premultiplied colour over white is c + (255 - a): fully transparent
    /// pixels become white and opaque ones keep their colour, which is what a pathologist sees.
    /// </summary>
    public static void ToRgbOverWhite(ReadOnlySpan<uint> argb, Span<byte> rgb) => ToRgb(argb, rgb, SlideBackground.White);

    /// <summary>
    /// Over black the premultiplied colour is the answer as it stands: a transparent mask pixel
    /// reads 0 (no tumor), as the seed's RGBA array does, instead of white (tumor everywhere).
    /// </summary>
    public static void ToRgb(ReadOnlySpan<uint> argb, Span<byte> rgb, SlideBackground background)
    {
        var white = background == SlideBackground.White;
        for (var i = 0; i < argb.Length; i++)
        {
            var p = argb[i];
            var inverseAlpha = white ? 255 - (int)(p >> 24) : 0;
            var o = i * 3;
            rgb[o] = (byte)Math.Min(255, (int)((p >> 16) & 0xFF) + inverseAlpha);
            rgb[o + 1] = (byte)Math.Min(255, (int)((p >> 8) & 0xFF) + inverseAlpha);
            rgb[o + 2] = (byte)Math.Min(255, (int)(p & 0xFF) + inverseAlpha);
        }
    }
}
