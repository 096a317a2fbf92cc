using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>An evaluation slide's predicted heatmap as a PNG: tissue cells in the chosen colour map from the chosen threshold up, transparent elsewhere.</summary>
public sealed class HeatmapOverlays(IDbContextFactory<TumorWebDbContext> dbFactory)
{
    /// <summary>The heatmap's files, or null when the evaluation has no such slide.</summary>
    public async Task<HeatmapFiles?> FilesAsync(int evaluationId, int evaluationSlideId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var folder = await db.EvaluationSlides.AsNoTracking()
            .Where(s => s.Id == evaluationSlideId && s.EvaluationRunId == evaluationId)
            .Select(s => s.HeatmapDirectory).SingleOrDefaultAsync(ct);
        return folder is null ? null : new HeatmapFiles(folder);
    }

    /// <summary>The cell size the heatmap was scored with (its heatmap.json), or null when that file cannot be read.</summary>
    public static int? CellSize(string heatmapDirectory)
    {
        try
        {
            return HeatmapSummaryFile.Read(Path.Combine(heatmapDirectory, HeatmapSummaryFile.FileName)).CellSize;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The PNG of the probabilities with the tissue flags of cells.csv (a tissue cell can score 0, so
    /// the probabilities alone cannot tell where tissue is).
    /// </summary>
    /// <exception cref="InvalidDataException">A file is malformed; the message names it.</exception>
    public static byte[] Render(HeatmapFiles files, HeatmapStyle style)
    {
        var (probabilities, height, width) = NpyFile.Read(files.Probabilities);
        var cells = CellCsv.Read(files.Cells, width, height);
        return RgbaPng.Encode(CellOverlay.Heatmap(probabilities, cells.Tissue, style.Colormap, style.Threshold), width, height);
    }
}
