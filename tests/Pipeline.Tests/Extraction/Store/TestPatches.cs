namespace TumorWeb.Pipeline.Tests.Extraction.Store;

/// <summary>Pixel content for pack tests: pure noise (incompressible) and tissue-like images.</summary>
public static class TestPatches
{
    public const int Side = 299;

    public static byte[] Noise(int seed, int width = Side, int height = Side)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    /// <summary>Pink stroma with gentle shading, purple nuclei and sensor noise, like an H&amp;E patch.</summary>
    public static byte[] Tissue(int seed, int width = Side, int height = Side)
    {
        var random = new Random(seed);
        var nuclei = Enumerable.Range(0, 60)
            .Select(_ => (X: random.Next(width), Y: random.Next(height), R: 4 + random.Next(8)))
            .ToArray();
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var inNucleus = nuclei.Any(n => (x - n.X) * (x - n.X) + (y - n.Y) * (y - n.Y) < n.R * n.R);
            var (r, g, b) = inNucleus
                ? (110.0, 60.0, 150.0)
                : (230 + 10 * Math.Sin(x / 23.0 + seed), 170 + 15 * Math.Sin(y / 31.0), 200 + 10 * Math.Cos((x + y) / 40.0));
            var i = (y * width + x) * 3;
            pixels[i] = Noisy(r, random);
            pixels[i + 1] = Noisy(g, random);
            pixels[i + 2] = Noisy(b, random);
        }
        return pixels;
    }

    private static byte Noisy(double value, Random random) => (byte)Math.Clamp((int)value + random.Next(-6, 7), 0, 255);
}
