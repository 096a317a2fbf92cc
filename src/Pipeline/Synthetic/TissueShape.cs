using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Where the tissue lies: a field that is positive on tissue. A few overlapping elliptic blobs
/// give the pieces, coarse fractal noise bites lobes and holes into them, and a fine texture
/// makes the edge ragged at a few tens of pixels whatever the slide size.
/// </summary>
internal sealed class TissueShape
{
    private const int GridNodes = 257;
    private const int LobeNodes = 40;
    private const int HoleNodes = 14;
    private const double RaggedPixels = 30;

    // Small slides get a proportionally finer edge: 30 pixels would eat a 512-pixel slide's tissue.
    private const double MaxRaggedShare = 0.01;
    private readonly CoarseGrid _field;
    private readonly Texture _ragged;

    private TissueShape(CoarseGrid field, Texture ragged, float raggedAmplitude, float edgeWidth) =>
        (_field, _ragged, RaggedAmplitude, EdgeWidth) = (field, ragged, raggedAmplitude, edgeWidth);

    /// <summary>The most the fine texture moves the field; tumors keep this far inside.</summary>
    public float RaggedAmplitude { get; }

    /// <summary>Field units over which tissue fades in at its edge (about a pixel and a half across the short side).</summary>
    public float EdgeWidth { get; }

    public static TissueShape Create(int width, int height, ref SynthRandom random, Texture ragged)
    {
        var shortSide = Math.Min(width, height);
        var spacing = CoarseGrid.SpacingFor(width, height, GridNodes);
        var blobs = new Blob[random.Next(1, 4)];
        for (var i = 0; i < blobs.Length; i++) blobs[i] = Blob.Random(width, height, ref random);
        var lobes = CoarseGrid.Noise(width, height, spacing, LobeNodes, 4, random.NextULong());
        var holes = CoarseGrid.Noise(width, height, spacing, HoleNodes, 2, random.NextULong());
        var field = CoarseGrid.Cover(width, height, spacing, (x, y) =>
        {
            var body = blobs.Max(b => b.ValueAt(x, y)) + 0.9 * (lobes.Sample(x, y) - 0.5) - 0.1;
            var hole = (holes.Sample(x, y) - 0.2) * 4;
            var border = Math.Min(Math.Min(x, width - x) / width, Math.Min(y, height - y) / height);
            return (float)Math.Min(Math.Min(body, hole), (border - 0.04) * 8);
        });
        // Blob fields fall by about 7 per side length near their rim: that many field units per pixel.
        var perPixel = 7.0 / shortSide;
        var amplitude = Math.Min(RaggedPixels, MaxRaggedShare * shortSide) * perPixel;
        return new TissueShape(field, ragged, (float)amplitude, (float)(1.5 * perPixel));
    }

    /// <summary>Positive on tissue, including the ragged edge.</summary>
    public float ValueAt(double x, double y) => _field.Sample(x, y) + Ragged((int)x, (int)y);

    /// <summary>True when the smooth field stays above <paramref name="threshold"/> everywhere in the grid cell of (x, y).</summary>
    public bool CellAbove(double x, double y, float threshold) => _field.CellMinimum(x, y) > threshold;

    public double GridSpacing => _field.Spacing;

    /// <summary>Field values of one pixel row, ragged edge included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FieldRow(int y, Span<float> destination)
    {
        _field.SampleRow(y + 0.5, destination);
        var ragged = _ragged.Row(y >> 1);
        for (var x = 0; x < destination.Length; x++)
            destination[x] += RaggedAmplitude * (2 * ragged[(x >> 1) & (Texture.Size - 1)] - 1);
    }

    /// <summary>Centres of the grid cells of the slide whose corners all lie above <paramref name="threshold"/>.</summary>
    public List<(double X, double Y)> CellsAbove(int width, int height, float threshold)
    {
        var cells = new List<(double X, double Y)>();
        var spacing = _field.Spacing;
        for (var y = spacing / 2; y < height; y += spacing)
        for (var x = spacing / 2; x < width; x += spacing)
            if (CellAbove(x, y, threshold)) cells.Add((x, y));
        return cells;
    }

    /// <summary>Tissue area in pixels, counted on the coarse grid.</summary>
    public double EstimateArea(int width, int height)
    {
        var step = _field.Spacing / 2;
        var inside = 0;
        var total = 0;
        for (var y = step / 2; y < height; y += step)
        for (var x = step / 2; x < width; x += step, total++)
            if (_field.Sample(x, y) > 0) inside++;
        return (double)inside / total * width * height;
    }

    private float Ragged(int x, int y) => RaggedAmplitude * (2 * _ragged.At(x >> 1, y >> 1) - 1);

    /// <summary>An elliptic bump: 1 at its centre, 0 on its rim, negative outside.</summary>
    private sealed record Blob(double CentreX, double CentreY, double RadiusX, double RadiusY, double Cos, double Sin)
    {
        public static Blob Random(int width, int height, ref SynthRandom random)
        {
            var angle = random.Range(0, Math.PI);
            return new Blob(random.Range(0.3, 0.7) * width, random.Range(0.3, 0.7) * height,
                random.Range(0.2, 0.34) * width, random.Range(0.2, 0.34) * height, Math.Cos(angle), Math.Sin(angle));
        }

        public double ValueAt(double x, double y)
        {
            var (dx, dy) = (x - CentreX, y - CentreY);
            var (u, v) = ((dx * Cos + dy * Sin) / RadiusX, (-dx * Sin + dy * Cos) / RadiusY);
            return 1 - (u * u + v * v);
        }
    }
}
