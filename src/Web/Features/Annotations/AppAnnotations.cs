using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Datasets;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>
/// The regions drawn in the viewer, stored per slide, and which slides take them as ground truth.
/// Every save and every switch of source is one audited change. When the slide's ground truth
/// changes, the slide is read again so its grid counts and role follow.
/// </summary>
public sealed class AppAnnotations(IDbContextFactory<TumorWebDbContext> dbFactory, AuditLog audit, DatasetScans scans)
{
    /// <summary>The slide's regions as GeoJSON; null when there is no such slide.</summary>
    public async Task<string?> GeoJsonAsync(int slideId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.RegisteredSlides.AnyAsync(s => s.Id == slideId, ct)) return null;
        return AnnotationGeoJsonWriter.Write(await db.SlideAnnotations.AsNoTracking().Where(a => a.RegisteredSlideId == slideId).ToListAsync(ct));
    }

    /// <summary>The slide's regions (whether or not they are its ground truth); null when there is no such slide.</summary>
    public async Task<DrawnAnnotations?> RegionsAsync(int slideId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.RegisteredSlides.AnyAsync(s => s.Id == slideId, ct)) return null;
        return AnnotationRows.GroundTruth(await db.SlideAnnotations.AsNoTracking().Where(a => a.RegisteredSlideId == slideId).ToListAsync(ct));
    }

    /// <summary>Replaces the slide's regions with <paramref name="regions"/>; false when there is no such slide.</summary>
    public async Task<bool> SaveAsync(string actor, int slideId, IReadOnlyList<DrawnRegion> regions, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slide = await db.RegisteredSlides.SingleOrDefaultAsync(s => s.Id == slideId, ct);
        if (slide is null) return false;
        var existing = await db.SlideAnnotations.Where(a => a.RegisteredSlideId == slideId).ToListAsync(ct);
        var entry = audit.Entry(actor, AuditActions.AnnotationsSave, Target(slide), null);
        var changes = AnnotationRows.Merge(existing, regions, actor, entry.At);
        foreach (var row in changes.Added) row.RegisteredSlideId = slideId;
        db.SlideAnnotations.AddRange(changes.Added);
        db.SlideAnnotations.RemoveRange(changes.Removed);
        var hash = AnnotationRows.GroundTruth(existing.Except(changes.Removed).Concat(changes.Added)).Hash;
        entry.Detail = $"{slide.Name}: {Describe(regions)}; {changes.Added.Count} added, {changes.Changed.Count} changed, " +
            $"{changes.Removed.Count} removed; hash {hash}";
        db.AuditEntries.Add(entry);
        var rescan = slide.UseAppAnnotations && changes.Any;
        if (rescan) MarkForReading(slide);
        await db.SaveChangesAsync(ct);
        if (rescan) scans.Start(slide.DatasetId, new GridOptions());
        return true;
    }

    /// <summary>Takes the drawn regions (or the slide's files again) as the slide's ground truth; false when there is no such slide.</summary>
    public async Task<bool> SetSourceAsync(string actor, int slideId, bool useAppAnnotations, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slide = await db.RegisteredSlides.SingleOrDefaultAsync(s => s.Id == slideId, ct);
        if (slide is null) return false;
        if (slide.UseAppAnnotations == useAppAnnotations) return true;
        slide.UseAppAnnotations = useAppAnnotations;
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.GroundTruthSource, Target(slide),
            $"{slide.Name}: {(useAppAnnotations ? GroundTruthSources.App : GroundTruthSources.Files)}"));
        MarkForReading(slide);
        await db.SaveChangesAsync(ct);
        scans.Start(slide.DatasetId, new GridOptions());
        return true;
    }

    /// <summary>The drawn ground truth of the slide, or null when it takes its files.</summary>
    public static async Task<DrawnAnnotations?> GroundTruthAsync(TumorWebDbContext db, RegisteredSlide slide, CancellationToken ct) =>
        slide.UseAppAnnotations
            ? AnnotationRows.GroundTruth(await db.SlideAnnotations.AsNoTracking().Where(a => a.RegisteredSlideId == slide.Id).ToListAsync(ct))
            : null;

    /// <summary>The drawn ground truth of every slide of the dataset that takes it, by slide id.</summary>
    public static async Task<Dictionary<int, DrawnAnnotations>> GroundTruthOfDatasetAsync(TumorWebDbContext db, int datasetId, CancellationToken ct)
    {
        var rows = await db.SlideAnnotations.AsNoTracking()
            .Where(a => a.Slide!.DatasetId == datasetId && a.Slide.UseAppAnnotations).ToListAsync(ct);
        var slides = await db.RegisteredSlides.AsNoTracking()
            .Where(s => s.DatasetId == datasetId && s.UseAppAnnotations).Select(s => s.Id).ToListAsync(ct);
        return slides.ToDictionary(id => id, id => AnnotationRows.GroundTruth(rows.Where(r => r.RegisteredSlideId == id)));
    }

    /// <summary>
    /// What changed since a run in the ground truth it took from drawn annotations (see <see cref="AnnotationChanges"/>);
    /// <paramref name="used"/> holds the slides' names and the hashes the run recorded, null for slides that used their files.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ChangesSinceAsync(TumorWebDbContext db, int? datasetId, IEnumerable<(string Slide, string? Hash)> used,
        CancellationToken ct = default)
    {
        var drawn = used.Where(u => u.Hash is not null).Select(u => (u.Slide, u.Hash!)).ToList();
        if (drawn.Count == 0 || datasetId is null) return [];
        var slides = await db.RegisteredSlides.AsNoTracking().Where(s => s.DatasetId == datasetId && s.UseAppAnnotations).ToListAsync(ct);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slide in slides) current[slide.Name] = (await GroundTruthAsync(db, slide, ct))!.Hash;
        return AnnotationChanges.Describe(drawn, current);
    }

    /// <summary>
    /// The dataset's background scan reads a slide again when it has neither vendor nor error; a role
    /// the grid chose is chosen again from the new tumour cells, one a user chose stays.
    /// </summary>
    private static void MarkForReading(RegisteredSlide slide)
    {
        (slide.Vendor, slide.Error) = (null, null);
        if (!slide.RoleSetByUser) slide.Role = SlideRole.Unknown;
    }

    private static string Target(RegisteredSlide slide) => $"slide {slide.Id} of dataset {slide.DatasetId}";

    private static string Describe(IReadOnlyList<DrawnRegion> regions) =>
        $"{regions.Count(r => r.Kind == AnnotationKind.Tumor)} tumour and {regions.Count(r => r.Kind == AnnotationKind.Exclusion)} exclusion regions";
}
