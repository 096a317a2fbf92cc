using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// What an evaluation run works on: the training run and its furthest checkpoint, the chosen slides
/// (by name), the grid its extraction used, and the slides the model saw (train and validation splits),
/// known by content identity and, for extractions made before identities were recorded, by path.
/// </summary>
internal sealed record EvaluationPlan(
    TrainingRun Training,
    string Checkpoint,
    int DatasetId,
    IReadOnlyList<RegisteredSlide> Slides,
    GridOptions Grid,
    IReadOnlySet<string> SeenInTraining,
    IReadOnlySet<string> SeenHashes)
{
    public bool UsedInTraining(RegisteredSlide slide)
    {
        if (SeenHashes.Count == 0) return SeenInTraining.Contains(Path.GetFullPath(slide.SlidePath));
        var hash = slide.ContentHash ?? Pipeline.Slides.SlideFingerprint.Of(slide.SlidePath);
        return SeenHashes.Contains(hash);
    }

    public static async Task<EvaluationPlan> LoadAsync(IDbContextFactory<TumorWebDbContext> dbFactory, EvaluationRunOptions p, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var training = await db.TrainingRuns.AsNoTracking().Include(r => r.ExtractionRun).SingleOrDefaultAsync(r => r.Id == p.TrainingRunId, ct)
            ?? throw new InvalidOperationException($"training run {p.TrainingRunId} no longer exists");
        var checkpoint = Checkpoints.Furthest(training.OutputDirectory)
            ?? throw new InvalidOperationException($"training run {p.TrainingRunId} has no checkpoint in {training.OutputDirectory}");
        var slides = await db.RegisteredSlides.AsNoTracking().Where(s => s.DatasetId == p.DatasetId && p.SlideIds.Contains(s.Id))
            .OrderBy(s => s.Name).ToListAsync(ct);
        if (slides.Count != p.SlideIds.Count)
            throw new InvalidOperationException($"{p.SlideIds.Count - slides.Count} of the chosen slides are no longer in dataset {p.DatasetId}");
        var seen = await db.RunSlides.AsNoTracking()
            .Where(s => s.ExtractionRunId == training.ExtractionRunId && (s.Split == DataSplit.Train || s.Split == DataSplit.Validation))
            .Select(s => new { s.SlidePath, s.ContentHash }).ToListAsync(ct);
        var extraction = training.ExtractionRun!;
        var grid = new GridOptions { CellSize = extraction.CellSize, TumorSlideThreshold = extraction.TumorSlideThreshold, MaxTissuePixels = p.MaxTissuePixels };
        return new EvaluationPlan(training, checkpoint, p.DatasetId, slides, grid,
            seen.Select(s => Path.GetFullPath(s.SlidePath)).ToHashSet(), seen.Select(s => s.ContentHash).OfType<string>().ToHashSet());
    }
}
