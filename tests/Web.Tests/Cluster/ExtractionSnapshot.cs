using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>
/// What an extraction run produced, independent of where and in which order: each slide's grid
/// counts, role and split, and each patch's cell, label, split and the SHA-256 of its pixels.
/// </summary>
public static class ExtractionSnapshot
{
    public static async Task<(List<string> Slides, List<string> Patches)> OfAsync(IDbContextFactory<TumorWebDbContext> dbFactory, int runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var run = await db.ExtractionRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        var slides = await db.RunSlides.AsNoTracking().Where(s => s.ExtractionRunId == runId)
            .Select(s => $"{s.Name} {s.Role} {s.Split} {s.Status} tissue {s.TissueCells} tumor {s.TumorCells} normal {s.NormalCells} extracted {s.TumorExtracted}+{s.NormalExtracted}")
            .ToListAsync();
        var patches = await db.Patches.AsNoTracking().Where(p => p.ExtractionRunId == runId)
            .Select(p => new { p.RunSlide!.Name, p.X, p.Y, p.Label, p.Split, p.Shard, p.Offset, p.Length }).ToListAsync();
        using var reader = new PatchPackReader(run.OutputDirectory);
        var described = patches.Select(p =>
            $"{p.Name} {p.X},{p.Y} {p.Label} {p.Split} {Convert.ToHexString(SHA256.HashData(reader.Read(new PatchLocation(p.Shard, p.Offset, p.Length)).Pixels))}");
        return (slides.Order(StringComparer.Ordinal).ToList(), described.Order(StringComparer.Ordinal).ToList());
    }
}
