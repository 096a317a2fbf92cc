using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline;
using TumorWeb.Pipeline.Inference.Symmetry;
using TumorWeb.Pipeline.Mining;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Models;
using TumorWeb.Web.Features.Jobs.Runners;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>
/// Checks a job request before it is queued: the things it names exist and can be used, and every
/// number is in range. Throws <see cref="ArgumentException"/> with a message a user can act on;
/// returns the dataset the job works on, if any, for the job's row.
/// </summary>
public sealed class JobValidation(IDbContextFactory<TumorWebDbContext> dbFactory)
{
    /// <summary>Slides one evaluation may score; far above any lab's dataset, and below SQLite's 32,766 query parameters.</summary>
    public const int MaxSlides = 10_000;

    public async Task<int?> ValidateAsync(JobRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Title)) throw new ArgumentException("the job needs a title");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (request.Kind, request.Parameters) switch
        {
            (JobKind.Extraction, ExtractionJobParameters p) => await ExtractionAsync(db, p, ct),
            (JobKind.Training, TrainingJobParameters p) => await TrainingAsync(db, p, ct),
            (JobKind.Evaluation, EvaluationJobParameters p) => await EvaluationAsync(db, p, ct),
            (JobKind.Mining, MiningJobParameters p) => await MiningAsync(db, p, ct),
            _ => throw new ArgumentException(
                $"a {request.Kind} job needs {JobParametersJson.TypeOf(request.Kind).Name}, not {request.Parameters?.GetType().Name ?? "null"}"),
        };
    }

    private static async Task<int?> ExtractionAsync(TumorWebDbContext db, ExtractionJobParameters p, CancellationToken ct)
    {
        var dataset = await UsableDatasetAsync(db, p.DatasetId, ct);
        ExtractionJobRunner.OptionsFor(p, dataset, dataset.Folder).Validate();
        return dataset.Id;
    }

    private static async Task<int?> TrainingAsync(TumorWebDbContext db, TrainingJobParameters p, CancellationToken ct)
    {
        var extraction = await db.ExtractionRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == p.ExtractionRunId, ct)
            ?? throw new ArgumentException($"extraction run {p.ExtractionRunId} does not exist");
        Settings.Require(extraction.Status == RunStatus.Completed,
            $"extraction run {p.ExtractionRunId} is {extraction.Status}; train on a completed extraction (resume it first)");
        var preset = ModelPresets.Parse(p.Preset ?? "");
        if (preset.IsFrozen() && !File.Exists(PretrainedWeights.DefaultPath(preset)))
            throw new ArgumentException(
                $"the {preset.Name()} model needs ImageNet weights at {PretrainedWeights.DefaultPath(preset)}; the README's train section says how to export them; or use the tiny model");
        TrainingHyperparameters.From(TrainingJobRunner.Options(p, extraction.OutputDirectory, extraction.OutputDirectory, ""), extraction.PatchSize);
        return extraction.DatasetId;
    }

    private static async Task<int?> EvaluationAsync(TumorWebDbContext db, EvaluationJobParameters p, CancellationToken ct)
    {
        var ids = p.SlideIds ?? [];
        TestTimeAugmentation.Validate(p.Tta);
        Settings.Require(ids.Count <= MaxSlides, $"at most {MaxSlides:N0} slides can be evaluated at once (got {ids.Count:N0})");
        await TrainedModelAsync(db, p.TrainingRunId, ct);
        var dataset = await UsableDatasetAsync(db, p.DatasetId, ct);
        Settings.Require(ids.Count > 0, "choose at least one slide to evaluate");
        Settings.Require(ids.Distinct().Count() == ids.Count, "a slide is listed twice");
        var slides = await db.RegisteredSlides.AsNoTracking().Where(s => s.DatasetId == dataset.Id && ids.Contains(s.Id)).ToListAsync(ct);
        var foreign = ids.Except(slides.Select(s => s.Id)).ToList();
        Settings.Require(foreign.Count == 0,
            $"slide {string.Join(", ", foreign.Take(10))}{(foreign.Count > 10 ? $" and {foreign.Count - 10} more" : "")} is not a slide of dataset {dataset.Id} ({dataset.Name})");
        if (slides.FirstOrDefault(s => s.Error is not null) is { } broken)
            throw new ArgumentException($"slide {broken.Id} ({broken.Name}) cannot be used: {broken.Error}");
        return dataset.Id;
    }

    private static async Task<int?> MiningAsync(TumorWebDbContext db, MiningJobParameters p, CancellationToken ct)
    {
        Settings.Require(p.Top is >= 1 and <= MiningOptions.MaxTop, $"top must be between 1 and {MiningOptions.MaxTop:N0} (got {p.Top})");
        var extraction = await db.ExtractionRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == p.ExtractionRunId, ct)
            ?? throw new ArgumentException($"extraction run {p.ExtractionRunId} does not exist");
        Settings.Require(extraction.Status == RunStatus.Completed,
            $"extraction run {p.ExtractionRunId} is {extraction.Status}; mine a completed extraction (resume it first)");
        await TrainedModelAsync(db, p.TrainingRunId, ct);
        return extraction.DatasetId;
    }

    private static async Task<TrainingRun> TrainedModelAsync(TumorWebDbContext db, int trainingRunId, CancellationToken ct)
    {
        var training = await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == trainingRunId, ct)
            ?? throw new ArgumentException($"training run {trainingRunId} does not exist");
        Settings.Require(Directory.Exists(training.OutputDirectory) && Checkpoints.Furthest(training.OutputDirectory) is not null,
            $"training run {trainingRunId} has no checkpoint yet; train (or resume) it first");
        return training;
    }

    private static async Task<Dataset> UsableDatasetAsync(TumorWebDbContext db, int datasetId, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, ct)
            ?? throw new ArgumentException($"dataset {datasetId} does not exist");
        if (dataset.Error is not null) throw new ArgumentException($"dataset {datasetId} ({dataset.Name}) cannot be used: {dataset.Error}");
        if (!Directory.Exists(dataset.Folder)) throw new ArgumentException($"dataset {datasetId} ({dataset.Name}): its folder {dataset.Folder} is gone");
        return dataset;
    }
}
