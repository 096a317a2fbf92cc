using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Data.Entities.Accounts;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Web.Features.Runs;

namespace TumorWeb.Web.Features.Sharing;

/// <summary>What a share link shows of an evaluation: its run and slides, the report, each completed slide's ROC curves, and which slides the viewer can show.</summary>
public sealed record SharedEvaluation(EvaluationRun Run, RunStatus Status, string Model, EvaluationReport? Report, IReadOnlyDictionary<int, SlideRoc> Rocs,
    IReadOnlySet<int> ViewableSlides);

/// <summary>What a share link shows of a training run: settings, final and best validation numbers, curves.</summary>
public sealed record SharedTraining(TrainingRun Run, RunStatus Status, IReadOnlyDictionary<string, string> Settings, RunSummary Summary, TrainingCurves Curves);

/// <summary>
/// Reads the one run a live share link points to, with the same queries and result code the run
/// pages use. Server paths (output folders, model files) are reduced to file names: a visitor
/// without an account learns the results, not the lab's file system.
/// </summary>
public static class SharedResults
{
    public static async Task<object?> LoadAsync(IDbContextFactory<TumorWebDbContext> dbFactory, ShareLink link, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return link.Kind == SharedRunKind.Evaluation
            ? await EvaluationAsync(db, link.RunId, ct)
            : await TrainingAsync(db, link.RunId, ct);
    }

    private static async Task<SharedEvaluation?> EvaluationAsync(TumorWebDbContext db, int runId, CancellationToken ct)
    {
        var run = await db.EvaluationRuns.Include(r => r.TrainingRun).Include(r => r.Slides).AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var job = await db.LatestJobAsync(JobKind.Evaluation, runId, ct);
        EvaluationReport? report;
        try
        {
            report = EvaluationResults.Report(run);
        }
        catch (InvalidDataException)
        {
            report = null;
        }
        var rocs = new Dictionary<int, SlideRoc>();
        foreach (var slide in run.Slides.Where(s => s.Status == SlideStatus.Completed))
            rocs[slide.Id] = await Task.Run(() => EvaluationResults.Roc(slide), ct);
        var viewable = (await ViewerLinks.ForEvaluationAsync(db, run, ct)).Keys.Where(id => rocs.ContainsKey(id)).ToHashSet();
        return new SharedEvaluation(run, job?.Status ?? run.Status, ModelOf(run), report, rocs, viewable);
    }

    private static async Task<SharedTraining?> TrainingAsync(TumorWebDbContext db, int runId, CancellationToken ct)
    {
        var run = await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var job = await db.LatestJobAsync(JobKind.Training, runId, ct);
        var metrics = await db.TrainingMetrics.Where(m => m.TrainingRunId == runId).AsNoTracking().ToListAsync(ct);
        return new SharedTraining(run, job?.Status ?? run.Status, PublicSettings(RunComparison.Settings(run.Hyperparameters)),
            RunComparison.Summarize(run, metrics), new TrainingCurves(metrics));
    }

    /// <summary>"training #3 (tiny), checkpoint epoch-003.ckpt", or just the model file's name for a baseline.</summary>
    public static string ModelOf(EvaluationRun run)
    {
        var file = FileName(run.ModelPath);
        return run.TrainingRun is { } training ? $"training #{training.Id} ({training.Preset}), checkpoint {file}" : file;
    }

    /// <summary>The settings with any path (a weights file) cut to its file name.</summary>
    public static IReadOnlyDictionary<string, string> PublicSettings(IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(s => s.Key, s => FileName(s.Value));

    private static string FileName(string value) =>
        value.Contains('/') || value.Contains('\\') ? value[(value.LastIndexOfAny(['/', '\\']) + 1)..] : value;
}
