using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>What the dataset pages show, read in one short-lived context each.</summary>
public sealed class DatasetQueries(IDbContextFactory<TumorWebDbContext> dbFactory)
{
    public async Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Datasets.OrderBy(d => d.Id).Select(d => new DatasetSummary(d.Id, d.Name, d.Folder, d.CreatedAt,
                d.Slides.Count,
                d.Slides.Count(s => s.Role == SlideRole.Tumor),
                d.Slides.Count(s => s.Role == SlideRole.Normal),
                d.Slides.Count(s => s.Error != null),
                d.Slides.Count(s => s.Vendor == null && s.Error == null),
                d.Error))
            .ToListAsync(ct);
    }

    public async Task<DatasetDetail?> DetailAsync(int datasetId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId, ct);
        if (dataset is null) return null;
        var slides = await db.RegisteredSlides.AsNoTracking().Where(s => s.DatasetId == datasetId).OrderBy(s => s.Name).ToListAsync(ct);
        var runId = await db.ExtractionRuns.Where(r => r.DatasetId == datasetId).OrderByDescending(r => r.Id)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var splits = runId is null ? [] : await db.RunSlides.Where(s => s.ExtractionRunId == runId)
            .ToDictionaryAsync(s => s.Name, s => s.Split, ct);
        return new DatasetDetail(dataset, slides.Select(s => new DatasetSlideView(s, splits.TryGetValue(s.Name, out var split) ? split : null)
        {
            IgnoredClasses = IgnoredAnnotationClasses.Of(s.AnnotationPath),
        }).ToList(), runId);
    }
}
