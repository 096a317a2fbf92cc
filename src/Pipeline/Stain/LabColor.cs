namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// sRGB bytes to CIE L*a*b* (D65 white) and back, the colour space Reinhard's transfer works in:
/// lightness and two opponent colours that are nearly uncorrelated in natural images.
/// </summary>
public static class LabColor
{
    private const double Xn = 0.95047, Yn = 1.0, Zn = 1.08883;
    private static readonly double[] Linear = Enumerable.Range(0, 256).Select(v => ToLinear(v / 255.0)).ToArray();

    public static (double L, double A, double B) FromRgb(byte r, byte g, byte b)
    {
        var (lr, lg, lb) = (Linear[r], Linear[g], Linear[b]);
        var x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / Xn;
        var y = (0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb) / Yn;
        var z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / Zn;
        var (fx, fy, fz) = (F(x), F(y), F(z));
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    public static (byte R, byte G, byte B) ToRgb(double l, double a, double b)
    {
        var fy = (l + 16) / 116;
        var (x, y, z) = (FInverse(fy + a / 500) * Xn, FInverse(fy) * Yn, FInverse(fy - b / 200) * Zn);
        var lr = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        var lg = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        var lb = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return (ToByte(lr), ToByte(lg), ToByte(lb));
    }

    private static double ToLinear(double v) => v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);

    // The linear light at which each sRGB byte rounds up to the next one: gamma is monotonic, so a
    // binary search over these gives exactly the byte that rounding the gamma-encoded value would,
    // without a Math.Pow per channel (Reinhard normalises every pixel of every patch).
    private static readonly double[] ByteThresholds = Enumerable.Range(0, 255).Select(k => ToLinear((k + 0.5) / 255.0)).ToArray();

    private static byte ToByte(double linear)
    {
        var index = Array.BinarySearch(ByteThresholds, linear);
        return (byte)(index >= 0 ? index + 1 : ~index);
    }

    private const double Epsilon = 216.0 / 24389, Kappa = 24389.0 / 27;

    private static double F(double t) => t > Epsilon ? Math.Cbrt(t) : (Kappa * t + 16) / 116;

    private static double FInverse(double f) => f * f * f > Epsilon ? f * f * f : (116 * f - 16) / Kappa;
}
