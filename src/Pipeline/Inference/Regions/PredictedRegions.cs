using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference.Regions;

/// <summary>
/// The tumour regions a heatmap predicts: the cells whose probability is at least the threshold,
/// grouped into 4-connected regions and outlined along the cell edges in level-0 pixels (cells
/// at the right and bottom edges are cut at the slide's edge, like the grid's).
/// </summary>
public static class PredictedRegions
{
    public const double DefaultThreshold = 0.5;

    /// <param name="probabilities">One per cell, row by row, as in <see cref="HeatmapScores"/>.</param>
    /// <summary>The regions of a slide's heatmap.</summary>
    public static IReadOnlyList<PredictedRegion> Of(SlideHeatmap heatmap, double threshold, MicronsPerPixel? mpp) =>
        Find(heatmap.Probabilities, heatmap.Grid.Tissue.Size, heatmap.Grid.Stats.CellSize,
            new SlideExtent(heatmap.Grid.SlideWidth, heatmap.Grid.SlideHeight), threshold, mpp);

    /// <param name="mpp">Null when the slide does not say its resolution; the regions then have no area.</param>
    public static IReadOnlyList<PredictedRegion> Find(float[] probabilities, GridSize grid, int cellSize, SlideExtent slide, double threshold,
        MicronsPerPixel? mpp)
    {
        if (!(threshold > 0 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), $"the region threshold must be above 0 and at most 1 (got {threshold})");
        if (probabilities.Length != grid.Width * grid.Height)
            throw new ArgumentException($"{probabilities.Length} probabilities for a {grid.Width}x{grid.Height} grid");
        var mask = new CellMask(grid);
        for (var y = 0; y < grid.Height; y++)
        for (var x = 0; x < grid.Width; x++)
            mask[x, y] = probabilities[y * grid.Width + x] >= threshold;
        return CellContours.Trace(mask).Select(region => Describe(region, probabilities, grid.Width, cellSize, slide, mpp)).ToList();
    }

    private static PredictedRegion Describe(CellRegion region, float[] probabilities, int gridWidth, int cellSize, SlideExtent slide, MicronsPerPixel? mpp)
    {
        var values = region.Cells.Select(c => (double)probabilities[c.Y * gridWidth + c.X]).ToList();
        var outline = new Polygon(ToLevelZero(region.Outline, cellSize, slide))
        {
            Holes = region.Holes.Select(h => ToLevelZero(h, cellSize, slide)).ToArray(),
        };
        double? area = mpp is null ? null : Area(outline) * mpp.X * mpp.Y;
        return new PredictedRegion(outline, region.Cells.Count, values.Max(), values.Average(), area);
    }

    private static PointD[] ToLevelZero(IReadOnlyList<CellCorner> ring, int cellSize, SlideExtent slide) =>
        ring.Select(c => new PointD(Math.Min((long)c.X * cellSize, slide.Width), Math.Min((long)c.Y * cellSize, slide.Height))).ToArray();

    /// <summary>The outline's area less its holes', in level-0 pixels².</summary>
    public static double Area(Polygon polygon) => Math.Abs(Shoelace(polygon.Points)) - polygon.Holes.Sum(h => Math.Abs(Shoelace(h)));

    private static double Shoelace(IReadOnlyList<PointD> ring)
    {
        var sum = 0.0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            sum += ring[j].X * ring[i].Y - ring[i].X * ring[j].Y;
        return sum / 2;
    }
}
