using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Web.Features.Jobs.Runners;

/// <summary>
/// Training progress as job events. Each curve point the run saves (a train row every few steps, a
/// validation row per epoch) goes out as the event's <see cref="RunMetric"/>, read back from the
/// catalog so live charts show exactly the stored curve.
/// </summary>
public sealed class TrainingJobProgress(JobContext context, IDbContextFactory<TumorWebDbContext> dbFactory) : IProgress<TrainingProgress>
{
    private long _lastMetricId;
    private int _metricEvery = 1;

    public void Report(TrainingProgress value)
    {
        if (context.RunId != value.RunId) Link(value.RunId);
        var message = Message(value);
        if (MayHaveNewMetrics(value))
        {
            var published = false;
            foreach (var metric in NewMetrics(value.RunId))
            {
                context.Report(value.Fraction, message, metric);
                published = true;
            }
            if (published) return;
        }
        context.Report(value.Fraction, message);
    }

    public static string Message(TrainingProgress p) => p.Event switch
    {
        TrainingEvent.Started => p.Message ?? $"started: {p.Epochs} epochs of {p.BatchesPerEpoch} steps",
        TrainingEvent.Validating => $"epoch {p.Epoch}/{p.Epochs}: validating",
        TrainingEvent.EpochEnd => $"epoch {p.Epoch}/{p.Epochs} done" +
            (p.Completed?.ValAccuracy is { } acc ? $" · validation accuracy {acc.ToString("0.000", CultureInfo.InvariantCulture)}" : ""),
        TrainingEvent.Checkpoint => $"epoch {p.Epoch}/{p.Epochs}: checkpoint saved",
        TrainingEvent.Note => p.Message ?? "",
        _ => $"epoch {p.Epoch}/{p.Epochs} · step {p.Step}/{p.TotalSteps}" +
             (double.IsFinite(p.Loss) ? $" · loss {p.Loss.ToString("0.000", CultureInfo.InvariantCulture)}" : ""),
    };

    // The session writes a train row every MetricEvery steps and at an epoch's last step, before it reports the step.
    private bool MayHaveNewMetrics(TrainingProgress p) =>
        p.Event == TrainingEvent.EpochEnd ||
        (p.Event == TrainingEvent.Step && (p.Step % _metricEvery == 0 || p.BatchInEpoch == p.BatchesPerEpoch));

    private List<RunMetric> NewMetrics(int runId)
    {
        using var db = dbFactory.CreateDbContext();
        var rows = db.TrainingMetrics.AsNoTracking().Where(m => m.TrainingRunId == runId && m.Id > _lastMetricId).OrderBy(m => m.Id).ToList();
        if (rows.Count > 0) _lastMetricId = rows[^1].Id;
        return rows.Select(ToMetric).ToList();
    }

    public static RunMetric ToMetric(TrainingMetric m) =>
        new(m.Phase == TrainingPhase.Train ? "train" : "validation", m.Epoch, m.Step, m.Loss, m.Accuracy, m.Auc);

    private void Link(int runId)
    {
        context.Link(runId);
        using var db = dbFactory.CreateDbContext();
        var hyperparameters = db.TrainingRuns.Where(r => r.Id == runId).Select(r => r.Hyperparameters).Single();
        _metricEvery = Math.Max(1, TrainingHyperparameters.FromJson(hyperparameters).MetricEvery);
        // Points saved before this session (a resumed run) are history; the pages load them from the API.
        _lastMetricId = db.TrainingMetrics.Where(m => m.TrainingRunId == runId).Select(m => (long?)m.Id).Max() ?? 0;
    }
}
