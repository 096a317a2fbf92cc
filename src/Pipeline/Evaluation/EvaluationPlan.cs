using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// What an evaluation run works on: the training run and its furthest checkpoint, the chosen slides
/// (by name), the grid its extraction used, and the slides of that extraction with their splits.
/// </summary>
internal sealed record EvaluationPlan(
    TrainingRun Training,
    string Checkpoint,
    int DatasetId,
    IReadOnlyList<RegisteredSlide> Slides,
    GridOptions Grid,
    IReadOnlyList<RunSlide> ModelSlides)
{
    /// <summary>The model trained or was validated on this slide (<see cref="ModelSlideSplits"/>).</summary>
    public bool UsedInTraining(RegisteredSlide slide) =>
        ModelSlideSplits.Seen(ModelSlideSplits.SplitOf(IdentityOf(slide), Path.GetFullPath(slide.SlidePath), ModelSlides));

    // A slide registered before identities were recorded is read for one only when the extraction has them to compare.
    private string? IdentityOf(RegisteredSlide slide) =>
        slide.ContentHash ?? (ModelSlides.Any(s => s.ContentHash is not null) ? Pipeline.Slides.SlideFingerprint.Of(slide.SlidePath) : null);

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
        var modelSlides = await db.RunSlides.AsNoTracking().Where(s => s.ExtractionRunId == training.ExtractionRunId).ToListAsync(ct);
        var extraction = training.ExtractionRun!;
        var grid = new GridOptions { CellSize = extraction.CellSize, TumorSlideThreshold = extraction.TumorSlideThreshold, MaxTissuePixels = p.MaxTissuePixels,
            CellMicrons = extraction.CellMicrons, Mpp = extraction.Mpp };
        return new EvaluationPlan(training, checkpoint, p.DatasetId, slides, grid, modelSlides);
    }
}
