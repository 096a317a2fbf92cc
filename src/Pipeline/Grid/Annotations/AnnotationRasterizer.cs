using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// Tumor cells from annotations with the mask's any-pixel rule: a cell is tumor when any of its
/// level-0 pixels has its centre inside a tumor polygon and not inside an exclusion polygon.
/// Exact and memory-light: each level-0 row is a list of pixel runs (tumor runs minus exclusion
/// runs), and a cell is marked when a remaining run touches it.
/// </summary>
public static class AnnotationRasterizer
{
    private const int ProgressEveryRows = 4096;

    public static CellMask TumorCells(SlideAnnotations annotations, long slideWidth, long slideHeight, int cellSize,
        IProgress<StageProgress>? progress = null, CancellationToken ct = default)
    {
        var tumor = new CellMask(AnalysisGrid.Size(slideWidth, slideHeight, cellSize));
        var tumorScans = annotations.Tumor.Select(p => new PolygonScanline(p)).ToArray();
        var exclusionScans = annotations.Exclusion.Select(p => new PolygonScanline(p)).ToArray();
        if (tumorScans.Length == 0) return tumor;
        var firstRow = Math.Max(0, tumorScans.Min(s => s.FirstRow));
        var endRow = Math.Min(slideHeight, tumorScans.Max(s => s.EndRow));
        for (var row = firstRow; row < endRow; row++)
        {
            if ((row - firstRow) % ProgressEveryRows == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new StageProgress("annotations", row - firstRow, endRow - firstRow));
            }
            var runs = PixelIntervals.Subtract(RunsOn(tumorScans, row), RunsOn(exclusionScans, row));
            MarkCells(tumor, runs, row, cellSize, slideWidth);
        }
        progress?.Report(new StageProgress("annotations", Math.Max(0, endRow - firstRow), Math.Max(0, endRow - firstRow)));
        return tumor;
    }

    private static List<PixelInterval> RunsOn(PolygonScanline[] scans, long row)
    {
        var runs = new List<PixelInterval>();
        foreach (var scan in scans)
            if (row >= scan.FirstRow && row < scan.EndRow) scan.AddRuns(row, runs);
        return PixelIntervals.Union(runs);
    }

    private static void MarkCells(CellMask cells, List<PixelInterval> runs, long row, int cellSize, long slideWidth)
    {
        var cellY = (int)(row / cellSize);
        foreach (var run in runs)
        {
            var start = Math.Max(0, run.Start);
            var end = Math.Min(slideWidth, run.End);
            for (var x = start / cellSize; x <= (end - 1) / cellSize && start < end; x++)
                cells[(int)x, cellY] = true;
        }
    }
}
