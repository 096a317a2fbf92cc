using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Datasets;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>The run's rows in the catalog: created on the first start, found again on a resume.</summary>
internal sealed class ExtractionCatalog(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public async Task<ExtractionRun> BeginOrResumeAsync(ExtractionOptions options, IReadOnlyList<DatasetSlide> dataset, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var output = Path.GetFullPath(options.OutputDirectory);
        var run = await db.ExtractionRuns.Include(r => r.Slides).SingleOrDefaultAsync(r => r.OutputDirectory == output, ct);
        if (run is null)
        {
            run = NewRun(options, output, dataset);
            db.ExtractionRuns.Add(run);
        }
        else EnsureSameSettings(run, options, output);
        run.Status = RunStatus.Running;
        run.Error = null;
        run.StartedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>The run that <paramref name="outputDirectory"/> holds, with its slides, made Running again if it had stopped.</summary>
    public async Task<ExtractionRun> ContinueAsync(string outputDirectory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var output = Path.GetFullPath(outputDirectory);
        var run = await db.ExtractionRuns.Include(r => r.Slides).SingleOrDefaultAsync(r => r.OutputDirectory == output, ct)
            ?? throw new InvalidOperationException($"{output}: no extraction run in the catalog; its plan stage must run first");
        if (run.Status != RunStatus.Running)
        {
            (run.Status, run.Error, run.CompletedAt) = (RunStatus.Running, null, null);
            await db.SaveChangesAsync(ct);
        }
        return run;
    }

    /// <summary>
    /// Saves this slide's row only: the run and its other slides, reachable from the row, are left
    /// alone, since another process may be saving them at the same time.
    /// </summary>
    public async Task SaveSlideAsync(RunSlide slide, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Entry(slide).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }

    public async Task<HashSet<(int X, int Y)>> ExtractedCellsAsync(int runSlideId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cells = await db.Patches.Where(p => p.RunSlideId == runSlideId).Select(p => new { p.X, p.Y }).ToListAsync(ct);
        return cells.Select(c => (c.X, c.Y)).ToHashSet();
    }

    /// <summary>Adds patches and the slide's new counts in one transaction, so they never disagree.</summary>
    public async Task AddPatchesAsync(RunSlide slide, IReadOnlyList<Patch> patches)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Patches.AddRange(patches);
        db.Entry(slide).State = EntityState.Modified;
        await db.SaveChangesAsync();
    }

    public async Task FinishAsync(ExtractionRun run, RunStatus status, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.ExtractionRuns.SingleAsync(r => r.Id == run.Id);
        row.Status = run.Status = status;
        row.Error = run.Error = error;
        row.CompletedAt = run.CompletedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
    }

    private ExtractionRun NewRun(ExtractionOptions options, string output, IReadOnlyList<DatasetSlide> dataset) => new()
    {
        Name = Path.GetFileName(output),
        DatasetPath = Path.GetFullPath(options.DatasetDirectory),
        DatasetId = options.DatasetId,
        OutputDirectory = output,
        Seed = options.Seed,
        CellSize = options.Grid.CellSize,
        PatchSize = options.PatchSize,
        CellMicrons = options.Grid.CellMicrons,
        PatchMicrons = options.PatchMicrons,
        Mpp = options.Grid.Mpp,
        TumorFraction = options.TumorFraction,
        NormalPerTumor = options.NormalPerTumor,
        TumorSlideThreshold = options.Grid.TumorSlideThreshold,
        ValidationFraction = options.ValidationFraction,
        TestFraction = options.TestFraction,
        CreatedAt = time.GetUtcNow(),
        Slides = dataset.Select(s => NewSlide(s, options.DrawnAnnotations.GetValueOrDefault(s.Name))).ToList(),
    };

    /// <summary>A slide that takes the regions drawn in the app keeps no file paths: its files are not its ground truth.</summary>
    private static RunSlide NewSlide(DatasetSlide s, DrawnAnnotations? drawn) => new()
    {
        Name = s.Name,
        SlidePath = Path.GetFullPath(s.SlidePath),
        MaskPath = s.MaskPath is null || drawn is not null ? null : Path.GetFullPath(s.MaskPath),
        AnnotationPath = s.AnnotationPath is null || drawn is not null ? null : Path.GetFullPath(s.AnnotationPath),
        AnnotationsHash = drawn?.Hash,
    };

    /// <summary>Slides whose drawn ground truth is not what the run started with (edited, or switched to or from the files).</summary>
    private static IEnumerable<string> ChangedAnnotations(ExtractionRun run, ExtractionOptions options) =>
        run.Slides.Where(s => s.AnnotationsHash != options.DrawnAnnotations.GetValueOrDefault(s.Name)?.Hash)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => $"ground truth of {s.Name} (drawn annotations {s.AnnotationsHash ?? "not used"} vs {options.DrawnAnnotations.GetValueOrDefault(s.Name)?.Hash ?? "not used"})");

    /// <summary>A resume must draw the same cells, so every setting that shapes the draw must match.</summary>
    private static void EnsureSameSettings(ExtractionRun run, ExtractionOptions options, string output)
    {
        var differences = new List<string>();
        if (run.Seed != options.Seed) differences.Add($"seed {run.Seed} vs {options.Seed}");
        if (run.CellSize != options.Grid.CellSize) differences.Add($"cell size {run.CellSize} vs {options.Grid.CellSize}");
        if (run.PatchSize != options.PatchSize) differences.Add($"patch size {run.PatchSize} vs {options.PatchSize}");
        if (run.CellMicrons != options.Grid.CellMicrons) differences.Add($"cell microns {run.CellMicrons} vs {options.Grid.CellMicrons}");
        if (run.PatchMicrons != options.PatchMicrons) differences.Add($"patch microns {run.PatchMicrons} vs {options.PatchMicrons}");
        if (run.Mpp != options.Grid.Mpp) differences.Add($"mpp {run.Mpp} vs {options.Grid.Mpp}");
        if (Math.Abs(run.TumorFraction - options.TumorFraction) > 1e-12) differences.Add("tumor fraction");
        if (Math.Abs(run.NormalPerTumor - options.NormalPerTumor) > 1e-12) differences.Add("normal per tumor");
        if (run.TumorSlideThreshold != options.Grid.TumorSlideThreshold) differences.Add("tumor slide threshold");
        if (Math.Abs(run.ValidationFraction - options.ValidationFraction) > 1e-12) differences.Add("validation fraction");
        if (Math.Abs(run.TestFraction - options.TestFraction) > 1e-12) differences.Add("test fraction");
        if (run.DatasetPath != Path.GetFullPath(options.DatasetDirectory)) differences.Add($"dataset {run.DatasetPath}");
        differences.AddRange(ChangedAnnotations(run, options));
        if (differences.Count > 0)
            throw new InvalidOperationException(
                $"{output}: holds extraction run {run.Id} made with other settings ({string.Join(", ", differences)}); " +
                "use another --out folder, or the same settings to resume it");
    }
}
