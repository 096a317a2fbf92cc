namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// A 512 x 512 tileable noise texture, sampled with wrap-around: stroma fibres, chromatin and
/// ragged tissue edges cost one array read per pixel instead of a noise evaluation.
/// </summary>
internal sealed class Texture
{
    public const int Size = 512;
    private const int Mask = Size - 1;
    private readonly float[] _values;

    private Texture(float[] values) => _values = values;

    /// <summary>Noise whose largest features are <paramref name="spacingX"/> by <paramref name="spacingY"/> pixels.</summary>
    public static Texture Create(double spacingX, double spacingY, int octaves, ulong seed) =>
        new(ValueNoise.Fractal(Size, Size, spacingX, spacingY, octaves, seed, wrap: true));

    public float At(int x, int y) => _values[((y & Mask) << 9) | (x & Mask)];

    /// <summary>One texture row, for loops that walk along x.</summary>
    public ReadOnlySpan<float> Row(int y) => _values.AsSpan((y & Mask) << 9, Size);
}
