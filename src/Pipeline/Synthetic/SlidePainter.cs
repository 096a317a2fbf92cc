using System.Buffers;
using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Paints the H&amp;E slide. Per pixel it adds up stain optical densities (eosin of fibrous stroma,
/// a haematoxylin tint, nuclei) and turns them into light with Beer-Lambert, then adds grain.
/// Between its crowded dark nuclei, tumor is paler and redder (less stain, eosin as bound by
/// cytoplasm), so its mean colour stays close to normal tissue: a classifier has to learn nuclear
/// size and crowding, not a colour threshold.
/// </summary>
internal sealed class SlidePainter : IRowPainter
{
    private const float StromaEosin = 0.55f;
    private const float TumorStromaEosin = 0.45f;
    private const float StromaTint = 0.14f;
    private const float TumorStromaTint = 0.02f;
    private const float NucleusDisplacesEosin = 0.75f;

    private readonly SlideRecipe _recipe;
    private readonly NucleusLayout _nuclei;
    private readonly LightTable _light;
    private readonly float _edgeScale;

    public SlidePainter(SlideRecipe recipe)
    {
        _recipe = recipe;
        _nuclei = new NucleusLayout(recipe.Seed, recipe.Tissue, recipe.NormalDensity, recipe.Tumors, recipe.Width);
        _light = new LightTable(recipe.Palette, recipe.Seed);
        _edgeScale = 1 / recipe.Tissue.EdgeWidth;
    }

    public int Width => _recipe.Width;
    public int Height => _recipe.Height;
    public int Bands => 3;

    public void Paint(int top, int rows, Span<byte> destination, int stride)
    {
        var width = _recipe.Width;
        var coverage = ArrayPool<float>.Shared.Rent(rows * width);
        var haematoxylin = ArrayPool<float>.Shared.Rent(rows * width);
        var field = ArrayPool<float>.Shared.Rent(width);
        var fibres = ArrayPool<float>.Shared.Rent(width);
        var tumor = ArrayPool<byte>.Shared.Rent(width);
        try
        {
            coverage.AsSpan(0, rows * width).Clear();
            haematoxylin.AsSpan(0, rows * width).Clear();
            var nuclei = new List<Nucleus>();
            _nuclei.Collect(top, top + rows, nuclei);
            NucleusStamper.Stamp(nuclei, top, rows, width, coverage, haematoxylin, _recipe.Grain);
            for (var r = 0; r < rows; r++)
            {
                var y = top + r;
                _recipe.Tissue.FieldRow(y, field.AsSpan(0, width));
                _recipe.Stroma.Row(y, fibres.AsSpan(0, width));
                tumor.AsSpan(0, width).Clear();
                PolygonRasterizer.FillRow(_recipe.Tumors, y, tumor.AsSpan(0, width), 1);
                PaintRow(y, field, fibres, tumor, coverage.AsSpan(r * width, width), haematoxylin.AsSpan(r * width, width),
                    destination.Slice(r * stride, width * 3));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(coverage);
            ArrayPool<float>.Shared.Return(haematoxylin);
            ArrayPool<float>.Shared.Return(field);
            ArrayPool<float>.Shared.Return(fibres);
            ArrayPool<byte>.Shared.Return(tumor);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PaintRow(int y, float[] field, float[] fibres, byte[] tumor, ReadOnlySpan<float> coverage, ReadOnlySpan<float> nucleusStain, Span<byte> rgb)
    {
        var palette = _recipe.Palette;
        var (collagen, cytoplasm, haematoxylin) = (palette.Eosin, palette.Cytoplasm, palette.Haematoxylin);
        var grain = _light.Grain(y);
        for (var x = 0; x < coverage.Length; x++)
        {
            var tissue = Math.Clamp(0.5f + field[x] * _edgeScale, 0f, 1f);
            var e = 0f;
            var h = nucleusStain[x];
            var eosin = collagen;
            if (tissue == 0 && h == 0)
            {
                _light.Background(rgb.Slice(3 * x, 3), grain.Next());
                continue;
            }
            if (tissue > 0)
            {
                var fibre = fibres[x];
                var inTumor = tumor[x] != 0;
                if (inTumor) eosin = cytoplasm;
                var stroma = tissue * (1 - coverage[x]);
                e = (inTumor ? TumorStromaEosin : StromaEosin) * (0.6f + 0.8f * fibre) * tissue * (1 - NucleusDisplacesEosin * coverage[x]);
                h += (inTumor ? TumorStromaTint : StromaTint) * stroma;
            }
            e *= palette.EosinStrength;
            h *= palette.HaematoxylinStrength;
            var noise = grain.Next();
            rgb[3 * x] = _light.Red(e * eosin.R + h * haematoxylin.R, noise);
            rgb[3 * x + 1] = _light.Green(e * eosin.G + h * haematoxylin.G, noise);
            rgb[3 * x + 2] = _light.Blue(e * eosin.B + h * haematoxylin.B, noise);
        }
    }
}
