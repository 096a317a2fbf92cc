namespace TumorWeb.Pipeline.Stain;

/// <summary>Hue turned and saturation scaled in HSV, on RGB in [0, 1] (as tf.image.adjust_hue and adjust_saturation).</summary>
public static class Hsv
{
    /// <param name="hueShift">Fraction of a full turn added to the hue.</param>
    /// <param name="saturationFactor">Multiplies the saturation, which is then clamped to [0, 1].</param>
    public static (double R, double G, double B) Adjust(double r, double g, double b, double hueShift, double saturationFactor)
    {
        if (hueShift == 0 && saturationFactor == 1) return (r, g, b);
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var delta = max - min;
        if (delta <= 0) return (r, g, b);
        var hue = max == r ? (g - b) / delta : max == g ? 2 + (b - r) / delta : 4 + (r - g) / delta;
        hue = (hue / 6 + hueShift) % 1;
        if (hue < 0) hue += 1;
        var saturation = Math.Clamp(delta / max * saturationFactor, 0, 1);
        return FromHsv(hue, saturation, max);
    }

    public static (double R, double G, double B) FromHsv(double hue, double saturation, double value)
    {
        var h = hue * 6;
        var sector = (int)Math.Floor(h) % 6;
        var f = h - Math.Floor(h);
        var p = value * (1 - saturation);
        var q = value * (1 - saturation * f);
        var t = value * (1 - saturation * (1 - f));
        return sector switch
        {
            0 => (value, t, p),
            1 => (q, value, p),
            2 => (p, value, t),
            3 => (p, q, value),
            4 => (t, p, value),
            _ => (value, p, q),
        };
    }
}
