using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Web.Features.Runs;

/// <summary>Extracted patches as pictures: random samples of a class, and one patch decoded from its pack.</summary>
public sealed class PatchImages(IDbContextFactory<TumorWebDbContext> dbFactory)
{
    public async Task<IReadOnlyList<long>> SampleAsync(int extractionRunId, PatchLabel label, int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Patches
            .Where(p => p.ExtractionRunId == extractionRunId && p.Label == label)
            .OrderBy(p => EF.Functions.Random())
            .Take(count)
            .Select(p => p.Id)
            .ToListAsync(ct);
    }

    /// <summary>The patch as PNG, or null when the run has no such patch. Reads only the patch's own record.</summary>
    /// <exception cref="InvalidDataException">The pack is damaged; the message names the shard file.</exception>
    public async Task<byte[]?> PngAsync(int extractionRunId, long patchId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Patches
            .Where(p => p.Id == patchId && p.ExtractionRunId == extractionRunId)
            .Select(p => new { p.Shard, p.Offset, p.Length, p.ExtractionRun!.OutputDirectory })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        using var reader = new PatchPackReader(found.OutputDirectory);
        return PatchPng.Encode(reader.Read(new PatchLocation(found.Shard, found.Offset, found.Length)));
    }
}
