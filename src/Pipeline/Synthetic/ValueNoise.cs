namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Fractal value noise on a grid: random lattice values, smoothly interpolated, summed over
/// octaves of halving spacing, then stretched to [0, 1]. With <c>wrap</c> the result tiles.
/// </summary>
internal static class ValueNoise
{
    public static float[] Fractal(int width, int height, double spacingX, double spacingY, int octaves, ulong seed, bool wrap)
    {
        var values = new float[width * height];
        var weight = 1f;
        for (var octave = 0; octave < octaves; octave++, weight *= 0.5f, spacingX /= 2, spacingY /= 2)
            AddOctave(values, width, height, Math.Max(1, spacingX), Math.Max(1, spacingY), weight,
                SynthRandom.Mix(seed + (ulong)octave), wrap);
        Stretch(values);
        return values;
    }

    private static void AddOctave(float[] values, int width, int height, double spacingX, double spacingY, float weight, ulong seed, bool wrap)
    {
        var latticeX = Math.Max(1, (int)Math.Round(width / spacingX));
        var latticeY = Math.Max(1, (int)Math.Round(height / spacingY));
        // Corner values up front: a hash per node rather than four per pixel.
        var columns = wrap ? latticeX + 1 : (int)(width / spacingX) + 2;
        var rows = wrap ? latticeY + 1 : (int)(height / spacingY) + 2;
        var lattice = new double[columns * rows];
        for (var j = 0; j < rows; j++)
        for (var i = 0; i < columns; i++)
            lattice[j * columns + i] = SynthRandom.Unit(SynthRandom.Hash(seed, wrap ? i % latticeX : i, wrap ? j % latticeY : j));
        var stepX = wrap ? (double)latticeX / width : 1 / spacingX;
        var stepY = wrap ? (double)latticeY / height : 1 / spacingY;
        for (var y = 0; y < height; y++)
        {
            var ly = y * stepY;
            var iy = (int)ly;
            var fy = Smooth(ly - iy);
            for (var x = 0; x < width; x++)
            {
                var lx = x * stepX;
                var ix = (int)lx;
                var fx = Smooth(lx - ix);
                var corner = iy * columns + ix;
                var top = Lerp(lattice[corner], lattice[corner + 1], fx);
                var bottom = Lerp(lattice[corner + columns], lattice[corner + columns + 1], fx);
                values[y * width + x] += weight * (float)Lerp(top, bottom, fy);
            }
        }
    }

    private static void Stretch(float[] values)
    {
        var (min, max) = (values.Min(), values.Max());
        var scale = max > min ? 1f / (max - min) : 0f;
        for (var i = 0; i < values.Length; i++) values[i] = (values[i] - min) * scale;
    }

    private static double Smooth(double t) => t * t * (3 - 2 * t);

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}
