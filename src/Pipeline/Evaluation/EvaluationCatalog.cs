using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>An evaluation run's rows in the catalog: created on the first start, found again by its folder on a resume.</summary>
internal sealed class EvaluationCatalog(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    /// <summary>A resumed run keeps the checkpoint and the test-time augmentation it started with.</summary>
    public async Task<EvaluationRun> BeginOrResumeAsync(EvaluationPlan plan, string output, int tta, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.SingleOrDefaultAsync(r => r.OutputDirectory == output, ct);
        if (run is null)
        {
            run = new EvaluationRun
            {
                TrainingRunId = plan.Training.Id,
                DatasetId = plan.DatasetId,
                ModelPath = plan.Checkpoint,
                Tta = tta,
                OutputDirectory = output,
                CreatedAt = time.GetUtcNow(),
            };
            db.EvaluationRuns.Add(run);
        }
        (run.Status, run.StartedAt, run.CompletedAt, run.Error) = (RunStatus.Running, time.GetUtcNow(), null, null);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>The run that <paramref name="output"/> holds, made Running again if it had stopped.</summary>
    public async Task<EvaluationRun> ContinueAsync(string output, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.SingleOrDefaultAsync(r => r.OutputDirectory == output, ct)
            ?? throw new InvalidOperationException($"{output}: no evaluation run in the catalog; its first stage must run first");
        if (run.Status != RunStatus.Running)
        {
            (run.Status, run.CompletedAt, run.Error) = (RunStatus.Running, null, null);
            await db.SaveChangesAsync(ct);
        }
        return run;
    }

    /// <summary>Slides (by path) with a saved row and their heatmap still on disk.</summary>
    public async Task<HashSet<string>> DoneAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.EvaluationSlides.AsNoTracking()
            .Where(s => s.EvaluationRunId == runId && s.Status == SlideStatus.Completed).ToListAsync(ct);
        return rows.Where(s => File.Exists(new HeatmapFiles(s.HeatmapDirectory).Summary)).Select(s => s.SlidePath).ToHashSet();
    }

    /// <summary>The slide's row from an earlier attempt, or a new one.</summary>
    public async Task<EvaluationSlide> SlideRowAsync(int runId, string slidePath, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EvaluationSlides.AsNoTracking().SingleOrDefaultAsync(s => s.EvaluationRunId == runId && s.SlidePath == slidePath, ct)
            ?? new EvaluationSlide { EvaluationRunId = runId, SlidePath = slidePath };
    }

    public async Task SaveSlideAsync(EvaluationSlide row)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (row.Id == 0) db.EvaluationSlides.Add(row);
        else db.EvaluationSlides.Update(row);
        await db.SaveChangesAsync();
    }

    /// <summary>Completes the run with its measures (null when no slide had ground truth) and says why some are missing.</summary>
    public async Task FinishAsync(int runId, EvaluationReport? report)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var run = await db.EvaluationRuns.SingleAsync(r => r.Id == runId);
        run.SlideAuc = report?.SlideAuc;
        run.FrocScore = report?.Froc.Score;
        run.Report = report is null ? null : System.Text.Json.JsonSerializer.Serialize(report, EvaluationReportFile.Json);
        var failed = await db.EvaluationSlides.CountAsync(s => s.EvaluationRunId == runId && s.Status == SlideStatus.Failed);
        (run.Status, run.CompletedAt) = (RunStatus.Completed, time.GetUtcNow());
        run.Error = failed > 0 ? $"{Progress.Plural.Of(failed, "slide")} could not be scored (see each slide's error)"
            : report is null ? "no slide has ground truth: heatmaps only, nothing measured" : null;
        await db.SaveChangesAsync();
    }

    public async Task SetStatusAsync(int runId, RunStatus status, string error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.EvaluationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status)
            .SetProperty(r => r.Error, error).SetProperty(r => r.CompletedAt, (DateTimeOffset?)time.GetUtcNow()));
    }

    public async Task<EvaluationRunReport> ReportAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var scored = await db.EvaluationSlides.CountAsync(s => s.EvaluationRunId == runId && s.Status == SlideStatus.Completed, ct);
        return new EvaluationRunReport(run.Id, run.OutputDirectory, run.Status, scored, run.SlideAuc, run.FrocScore);
    }
}
