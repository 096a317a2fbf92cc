namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Beer-Lambert optical density of an 8-bit channel against white (255): OD = -ln(I / 255), with I
/// at least 1 so black stays finite. Stains add in OD space, which is why the stain methods work there.
/// </summary>
public static class OpticalDensity
{
    /// <summary>Below this in any channel a pixel is glass or nearly so (Macenko et al.'s β).</summary>
    public const double TransparentBelow = 0.15;

    private static readonly double[] Table = Enumerable.Range(0, 256).Select(v => -Math.Log(Math.Max(v, 1) / 255.0)).ToArray();

    public static double Of(byte value) => Table[value];

    public static byte ToByte(double density) => (byte)Math.Clamp((int)Math.Round(255 * Math.Exp(-density)), 0, 255);

    /// <summary>True when every channel absorbs at least <see cref="TransparentBelow"/>: stained tissue, not glass.</summary>
    public static bool IsTissue(byte r, byte g, byte b) => Of(r) >= TransparentBelow && Of(g) >= TransparentBelow && Of(b) >= TransparentBelow;
}
