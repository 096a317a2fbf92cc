using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Mining;

/// <summary>
/// The catalog side of mining: the source run, and the derived run, which gets the source's slides
/// (same splits) and patches (same pack locations) plus the mined ones in one transaction, so it is
/// never seen half made.
/// </summary>
internal sealed class DerivedRunCatalog(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public async Task<ExtractionRun> SourceAsync(string patchesDirectory, CancellationToken ct)
    {
        var directory = Path.GetFullPath(patchesDirectory);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ExtractionRuns.AsNoTracking().Include(r => r.Slides).SingleOrDefaultAsync(r => r.OutputDirectory == directory, ct)
            ?? throw new InvalidOperationException($"{directory}: no extraction run of this folder in the catalog; run extract with --out {directory} first");
        Settings.Require(run.Status == RunStatus.Completed,
            $"{directory}: extraction run {run.Id} is {run.Status}; mine a completed extraction (resume it first)");
        return run;
    }

    /// <summary>
    /// The derived run's row at <paramref name="output"/>, made Running. An unfinished earlier attempt from the same
    /// source is started over (mining is deterministic); a finished one, or another run's folder, is refused.
    /// </summary>
    public async Task<ExtractionRun> BeginAsync(ExtractionRun source, string output, string derivation, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ExtractionRuns.SingleOrDefaultAsync(r => r.OutputDirectory == output, ct);
        if (run is null)
        {
            Settings.Require(PatchPackFiles.LastShard(output) is null,
                $"{output}: holds patch packs that no run in the catalog owns; choose another output folder");
            run = NewRun(source, output);
            db.ExtractionRuns.Add(run);
        }
        else
        {
            Settings.Require(run.DerivedFromRunId == source.Id,
                $"{output}: holds extraction run {run.Id}, not one derived from run {source.Id}; choose another output folder");
            Settings.Require(run.Status != RunStatus.Completed,
                $"{output}: holds completed derived run {run.Id} already; choose another output folder to mine again");
            await db.Patches.Where(p => p.ExtractionRunId == run.Id).ExecuteDeleteAsync(ct);
            await db.RunSlides.Where(s => s.ExtractionRunId == run.Id).ExecuteDeleteAsync(ct);
        }
        (run.Derivation, run.Status, run.Error, run.StartedAt, run.CompletedAt) = (derivation, RunStatus.Running, null, time.GetUtcNow(), null);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>The cells the source run already sampled on one of its slides (either label).</summary>
    public async Task<HashSet<(int X, int Y)>> SampledCellsAsync(int runSlideId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cells = await db.Patches.Where(p => p.RunSlideId == runSlideId).Select(p => new { p.X, p.Y }).ToListAsync(ct);
        return cells.Select(c => (c.X, c.Y)).ToHashSet();
    }

    /// <summary>Copies the source's slides and patches into the derived run, adds the mined patches and completes it; returns its patch count.</summary>
    public async Task<int> CompleteAsync(ExtractionRun source, int derivedId, IReadOnlyList<(ScoredCell Cell, PatchLocation Location)> mined)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var slides = source.Slides.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => CopyOf(s, derivedId)).ToList();
        foreach (var slide in slides) slide.NormalExtracted += mined.Count(m => m.Cell.Slide == slide.Name);
        db.RunSlides.AddRange(slides);
        await db.SaveChangesAsync();
        // Set-based, in the source's id order (the base order training shuffles), without loading the patches.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Patches" ("ExtractionRunId", "RunSlideId", "X", "Y", "Label", "Split", "Shard", "Offset", "Length")
            SELECT {derivedId}, copy."Id", p."X", p."Y", p."Label", p."Split", p."Shard", p."Offset", p."Length"
            FROM "Patches" AS p
            JOIN "RunSlides" AS original ON original."Id" = p."RunSlideId"
            JOIN "RunSlides" AS copy ON copy."ExtractionRunId" = {derivedId} AND copy."Name" = original."Name"
            WHERE p."ExtractionRunId" = {source.Id}
            ORDER BY p."Id"
            """);
        var byName = slides.ToDictionary(s => s.Name);
        db.Patches.AddRange(mined.Select(m => new Patch
        {
            ExtractionRunId = derivedId, RunSlideId = byName[m.Cell.Slide].Id, X = m.Cell.X, Y = m.Cell.Y,
            Label = PatchLabel.Normal, Split = DataSplit.Train,
            Shard = m.Location.Shard, Offset = m.Location.Offset, Length = m.Location.Length,
        }));
        var run = await db.ExtractionRuns.SingleAsync(r => r.Id == derivedId);
        (run.Status, run.Error, run.CompletedAt) = (RunStatus.Completed, null, time.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return await db.Patches.CountAsync(p => p.ExtractionRunId == derivedId);
    }

    public async Task SetStatusAsync(int runId, RunStatus status, string error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.ExtractionRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status)
            .SetProperty(r => r.Error, error).SetProperty(r => r.CompletedAt, (DateTimeOffset?)time.GetUtcNow()));
    }

    public async Task<int> PatchCountAsync(int runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Patches.CountAsync(p => p.ExtractionRunId == runId);
    }

    private ExtractionRun NewRun(ExtractionRun source, string output) => new()
    {
        Name = Path.GetFileName(output),
        DatasetPath = source.DatasetPath,
        DatasetId = source.DatasetId,
        OutputDirectory = output,
        Seed = source.Seed,
        CellSize = source.CellSize,
        PatchSize = source.PatchSize,
        TumorFraction = source.TumorFraction,
        NormalPerTumor = source.NormalPerTumor,
        TumorSlideThreshold = source.TumorSlideThreshold,
        ValidationFraction = source.ValidationFraction,
        TestFraction = source.TestFraction,
        DerivedFromRunId = source.Id,
        CreatedAt = time.GetUtcNow(),
    };

    private static RunSlide CopyOf(RunSlide s, int runId) => new()
    {
        ExtractionRunId = runId, Name = s.Name, SlidePath = s.SlidePath, MaskPath = s.MaskPath, AnnotationPath = s.AnnotationPath,
        ContentHash = s.ContentHash, AnnotationsHash = s.AnnotationsHash, Width = s.Width, Height = s.Height, GridWidth = s.GridWidth, GridHeight = s.GridHeight,
        TissueCells = s.TissueCells, TumorCells = s.TumorCells, NormalCells = s.NormalCells, Role = s.Role, Split = s.Split,
        TumorExtracted = s.TumorExtracted, NormalExtracted = s.NormalExtracted, Status = s.Status, Error = s.Error,
    };
}
