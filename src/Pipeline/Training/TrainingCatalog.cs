using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Training.Loading;

namespace TumorWeb.Pipeline.Training;

/// <summary>A training run's rows in the catalog: the run, its metrics as they happen, and the patches it reads.</summary>
internal sealed class TrainingCatalog(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public async Task<ExtractionRun> ExtractionRunAsync(string patchesDirectory, CancellationToken ct)
    {
        var directory = Path.GetFullPath(patchesDirectory);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ExtractionRuns.SingleOrDefaultAsync(r => r.OutputDirectory == directory, ct)
            ?? throw new InvalidOperationException($"{directory}: no extraction run of this folder in the catalog; run extract with --out {directory} first");
    }

    public async Task<TrainingRun> CreateAsync(ExtractionRun extraction, TrainingHyperparameters hyper, string? outputDirectory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = new TrainingRun
        {
            ExtractionRunId = extraction.Id,
            Preset = hyper.Model,
            Hyperparameters = hyper.ToJson(),
            CreatedAt = time.GetUtcNow(),
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        // The default folder is named after the id, which exists only once the row is saved.
        run.OutputDirectory = Path.GetFullPath(outputDirectory ?? Path.Combine(extraction.OutputDirectory, "training", $"run-{run.Id}"));
        await db.SaveChangesAsync(ct);
        return run;
    }

    public async Task<TrainingRun> RunAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TrainingRuns.Include(r => r.ExtractionRun).SingleOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new InvalidOperationException($"training run {runId} is not in the catalog");
    }

    public async Task SetStatusAsync(int runId, RunStatus status, string? error, string? hyperparameters = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var run = await db.TrainingRuns.SingleAsync(r => r.Id == runId);
        run.Status = status;
        run.Error = error;
        if (hyperparameters is not null) run.Hyperparameters = hyperparameters;
        if (status == RunStatus.Running) (run.StartedAt, run.CompletedAt) = (time.GetUtcNow(), null);
        else run.CompletedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
    }

    /// <summary>The patches of one split of the run, in id order (the base order the epoch shuffle permutes).</summary>
    public async Task<List<TrainingPatch>> PatchesAsync(int extractionRunId, DataSplit split, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Patches.Where(p => p.ExtractionRunId == extractionRunId && p.Split == split).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Shard, p.Offset, p.Length, p.Label, p.RunSlideId }).ToListAsync(ct);
        return rows.Select(p => new TrainingPatch(p.Id, new PatchLocation(p.Shard, p.Offset, p.Length), p.Label == PatchLabel.Tumor, p.RunSlideId)).ToList();
    }

    public async Task<List<(string Name, string? ContentHash)>> SlidesAsync(int extractionRunId, DataSplit split, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slides = await db.RunSlides.Where(s => s.ExtractionRunId == extractionRunId && s.Split == split)
            .OrderBy(s => s.Name).Select(s => new { s.Name, s.ContentHash }).ToListAsync(ct);
        return slides.Select(s => (s.Name, s.ContentHash)).ToList();
    }

    public async Task AddMetricAsync(int runId, TrainingPhase phase, int epoch, long step, MetricSums sums, double? auc, double imagesPerSecond)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.TrainingMetrics.Add(new TrainingMetric
        {
            TrainingRunId = runId, Phase = phase, Epoch = epoch, Step = step, Loss = sums.Loss, Accuracy = sums.Accuracy,
            Auc = auc, Images = (int)sums.Images, ImagesPerSecond = imagesPerSecond, At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Drops the points a crashed or cancelled session wrote after its last checkpoint: the resumed
    /// session trains those steps again and writes them again.
    /// </summary>
    public async Task DropMetricsAfterAsync(int runId, TrainingPosition position, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.TrainingMetrics.Where(m => m.TrainingRunId == runId &&
                (m.Phase == TrainingPhase.Train ? m.Step > position.Step : m.Epoch > position.Epoch))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// The first <paramref name="finishedEpochs"/> epochs' train means (from their rows, weighted by
    /// images) and validation rows.
    /// </summary>
    public async Task<List<EpochMetrics>> EpochMetricsAsync(int runId, int finishedEpochs, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.TrainingMetrics.Where(m => m.TrainingRunId == runId).ToListAsync(ct);
        var validation = rows.Where(m => m.Phase == TrainingPhase.Validation).ToDictionary(m => m.Epoch);
        return rows.Where(m => m.Phase == TrainingPhase.Train).GroupBy(m => m.Epoch).OrderBy(g => g.Key)
            .Where(g => g.Key <= finishedEpochs)
            .Select(g =>
            {
                var images = g.Sum(m => (double)m.Images);
                var val = validation.GetValueOrDefault(g.Key);
                return new EpochMetrics(g.Key, g.Sum(m => m.Loss * m.Images) / images, g.Sum(m => m.Accuracy * m.Images) / images,
                    val?.Loss, val?.Accuracy, val?.Auc);
            }).ToList();
    }
}
