using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Where the nuclei are. Each population puts at most one candidate per grid cell, drawn from a
/// hash of the cell, so a strip of rows finds exactly the nuclei any other strip would see there.
/// Normal nuclei grow denser where a coarse density field is high; tumor nuclei crowd the polygons.
/// </summary>
internal sealed class NucleusLayout(ulong seed, TissueShape tissue, CoarseGrid normalDensity, IReadOnlyList<SynthPolygon> tumors, int width)
{
    private const float TumorAcceptance = 0.93f;
    private const float SpindleShare = 0.3f;
    // Farther than any style's Nucleus.Reach: how far above and below a band nuclei are looked for.
    internal const float MaxReach = 16;
    private readonly ulong _normalSeed = SynthRandom.Mix(seed ^ 0x6E6F726D616CUL);
    private readonly ulong _tumorSeed = SynthRandom.Mix(seed ^ 0x74756D6F72UL);

    /// <summary>Every nucleus that reaches into rows [top, bottom).</summary>
    public void Collect(int top, int bottom, List<Nucleus> into)
    {
        CollectNormal(top, bottom, into);
        foreach (var tumor in tumors)
            if (tumor.MaxY + MaxReach >= top && tumor.MinY - MaxReach < bottom) CollectTumor(tumor, top, bottom, into);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CollectNormal(int top, int bottom, List<Nucleus> into)
    {
        var size = NucleusStyle.Normal.CellSize;
        for (var row = (int)Math.Floor((top - MaxReach) / size); row <= (int)((bottom + MaxReach) / size); row++)
        for (var column = 0; column <= (int)(width / size); column++)
        {
            var bits = SynthRandom.Hash(_normalSeed, column, row);
            var chance = SynthRandom.Unit(bits);
            // Cheapest test first: most cells are empty whatever the density.
            if (chance > 0.5) continue;
            var (x, y) = CellPoint(column, row, size, bits);
            if (chance > 0.04 + 0.46 * normalDensity.Sample(x, y)) continue;
            if (tissue.ValueAt(x, y) <= 0 || InAnyTumor(x, y)) continue;
            var style = SynthRandom.Unit(SynthRandom.Mix(bits)) < SpindleShare ? NucleusStyle.Spindle : NucleusStyle.Normal;
            AddIfReaching(style.Create(x, y, SynthRandom.Mix(bits + 1)), top, bottom, into);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CollectTumor(SynthPolygon tumor, int top, int bottom, List<Nucleus> into)
    {
        var size = NucleusStyle.Tumor.CellSize;
        var firstRow = (int)Math.Floor(Math.Max(top - MaxReach, tumor.MinY) / size);
        var lastRow = (int)(Math.Min(bottom + MaxReach, tumor.MaxY) / size);
        for (var row = firstRow; row <= lastRow; row++)
        for (var column = (int)(tumor.MinX / size); column <= (int)(tumor.MaxX / size); column++)
        {
            var bits = SynthRandom.Hash(_tumorSeed, column, row);
            if (SynthRandom.Unit(bits) > TumorAcceptance) continue;
            var (x, y) = CellPoint(column, row, size, bits);
            if (!tumor.Contains(x, y)) continue;
            AddIfReaching(NucleusStyle.Tumor.Create(x, y, SynthRandom.Mix(bits + 1)), top, bottom, into);
        }
    }

    private static (double X, double Y) CellPoint(int column, int row, float size, ulong bits) =>
        ((column + SynthRandom.Unit(SynthRandom.Mix(bits + 2))) * size, (row + SynthRandom.Unit(SynthRandom.Mix(bits + 3))) * size);

    private bool InAnyTumor(double x, double y)
    {
        foreach (var tumor in tumors)
            if (tumor.Contains(x, y)) return true;
        return false;
    }

    private static void AddIfReaching(Nucleus nucleus, int top, int bottom, List<Nucleus> into)
    {
        if (nucleus.Y + nucleus.Reach >= top && nucleus.Y - nucleus.Reach < bottom) into.Add(nucleus);
    }
}
