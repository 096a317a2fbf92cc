namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Turns optical density into 8-bit light through per-channel lookup tables (an exp per channel
/// per pixel would dominate the painting time), and supplies the scanner's grain.
/// </summary>
internal sealed class LightTable
{
    private const int StepsPerUnit = 1024;
    private const int Entries = 5 * StepsPerUnit;
    private readonly byte[] _red, _green, _blue;
    private readonly sbyte[] _noise;
    private readonly ulong _seed;

    public LightTable(StainPalette palette, ulong seed)
    {
        _red = Table(palette.Background.R);
        _green = Table(palette.Background.G);
        _blue = Table(palette.Background.B);
        _noise = NoiseTable(palette.NoiseAmplitude);
        _seed = SynthRandom.Mix(seed ^ 0x677261696EUL);
    }

    public byte Red(float density, int noise) => Shade(_red, density, noise);
    public byte Green(float density, int noise) => Shade(_green, density, noise);
    public byte Blue(float density, int noise) => Shade(_blue, density, noise);

    /// <summary>Glass without stain: the common case, so it skips the density arithmetic.</summary>
    public void Background(Span<byte> rgb, int noise)
    {
        rgb[0] = (byte)Math.Clamp(_red[0] + noise, 0, 255);
        rgb[1] = (byte)Math.Clamp(_green[0] + noise, 0, 255);
        rgb[2] = (byte)Math.Clamp(_blue[0] + noise, 0, 255);
    }

    /// <summary>The grain of one row: seeded by the row alone, so any band paints the same row alike.</summary>
    public RowGrain Grain(int y) => new(SynthRandom.Hash(_seed, y, 0), _noise);

    private static byte Shade(byte[] table, float density, int noise) =>
        (byte)Math.Clamp(table[Math.Min((int)(density * StepsPerUnit), Entries - 1)] + noise, 0, 255);

    private static byte[] Table(byte background)
    {
        var table = new byte[Entries];
        for (var i = 0; i < Entries; i++) table[i] = (byte)Math.Round(background * Math.Exp(-(double)i / StepsPerUnit));
        return table;
    }

    /// <summary>256 evenly spaced quantiles of a normal distribution scaled to the amplitude.</summary>
    private static sbyte[] NoiseTable(float amplitude)
    {
        var table = new sbyte[256];
        for (var i = 0; i < 256; i++) table[i] = (sbyte)Math.Clamp(Math.Round(amplitude * NormalQuantile((i + 0.5) / 256)), -127, 127);
        return table;
    }

    // Logistic approximation of the normal quantile; plenty for film grain.
    private static double NormalQuantile(double p) => Math.Log(p / (1 - p)) / 1.702;

    /// <summary>xorshift64: eight noise bytes per draw.</summary>
    internal struct RowGrain(ulong state, sbyte[] table)
    {
        private ulong _state = state | 1;
        private ulong _bits;
        private int _left;

        public int Next()
        {
            if (_left == 0)
            {
                _state ^= _state << 13;
                _state ^= _state >> 7;
                _state ^= _state << 17;
                (_bits, _left) = (_state, 8);
            }
            var value = table[(int)(_bits & 0xFF)];
            _bits >>= 8;
            _left--;
            return value;
        }
    }
}
