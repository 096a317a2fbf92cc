using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.FeatureVectors.Cache;

/// <summary>The patches of the extraction run that wrote to a folder, in catalog id order.</summary>
internal static class FeatureCatalog
{
    public static async Task<(int PatchSize, List<FeaturePatch> Patches)> LoadAsync(
        IDbContextFactory<TumorWebDbContext> dbFactory, string extractionDir, CancellationToken ct)
    {
        var directory = Normalized(extractionDir);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.ExtractionRuns.Select(r => new { r.Id, r.OutputDirectory, r.PatchSize }).ToListAsync(ct);
        var run = runs.SingleOrDefault(r => Normalized(r.OutputDirectory) == directory)
                  ?? throw new InvalidOperationException($"{extractionDir}: no extraction run in the catalog wrote to this folder");
        var patches = await db.Patches
            .Where(p => p.ExtractionRunId == run.Id)
            .OrderBy(p => p.Id)
            .Select(p => new FeaturePatch(p.Id, p.RunSlideId, p.X, p.Y, p.Label, p.Split, new PatchLocation(p.Shard, p.Offset, p.Length)))
            .ToListAsync(ct);
        return (run.PatchSize, patches);
    }

    private static string Normalized(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
