using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Web.Features.Runs;

/// <summary>A result file of an evaluated slide by its public name: the heatmap folder's file and how to serve it.</summary>
public sealed record EvaluationSlideFile(string Name, string FileName, string ContentType)
{
    /// <summary>Data files are downloads; images are shown in the page.</summary>
    public bool IsDownload => !ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>
/// Finds an evaluated slide's result files through the slide's row (evaluation id and slide id),
/// never through a path from the request. Used by the API and by share links.
/// </summary>
public static class EvaluationSlideFiles
{
    public static readonly IReadOnlyDictionary<string, EvaluationSlideFile> ByName = new[]
    {
        new EvaluationSlideFile("heatmap.npy", HeatmapFiles.ProbabilitiesName, "application/octet-stream"),
        new EvaluationSlideFile("heatmap.png", HeatmapFiles.HeatmapPngName, "image/png"),
        new EvaluationSlideFile("figure.png", HeatmapFiles.ComparisonPngName, "image/png"),
        new EvaluationSlideFile("cells.csv", HeatmapFiles.CellsName, "text/csv"),
    }.ToDictionary(f => f.Name);

    /// <summary>The slide's heatmap folder, or null when the evaluation has no slide with that id.</summary>
    public static async Task<string?> HeatmapFolderAsync(IDbContextFactory<TumorWebDbContext> dbFactory, int evaluationId, int slideId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EvaluationSlides.AsNoTracking().Where(s => s.Id == slideId && s.EvaluationRunId == evaluationId)
            .Select(s => s.HeatmapDirectory).SingleOrDefaultAsync(ct);
    }

    /// <summary>Where <paramref name="file"/> of the slide is, or null when it is not written (yet).</summary>
    public static string? Existing(string heatmapFolder, EvaluationSlideFile file)
    {
        var path = Path.Combine(heatmapFolder, file.FileName);
        return File.Exists(path) ? path : null;
    }
}
