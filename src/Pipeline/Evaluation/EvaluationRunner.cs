using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// The evaluation stage in one process: a training run's furthest checkpoint -> a heatmap per chosen
/// slide of a dataset under the run's folder (&lt;slide&gt;/, as the CLI's heatmap writes it) -> ROC,
/// slide-level AUC and FROC over that folder, as the CLI's evaluate measures them, through the
/// <see cref="EvaluationStages"/> that a cluster runs on several machines. Starting it again on the same
/// folder resumes the run: it keeps its checkpoint and skips the slides already scored. A slide that
/// cannot be read is saved Failed with its error and the other slides still complete.
/// </summary>
public sealed class EvaluationRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The final measurement over all heatmaps takes the last 5 % of the bar.</summary>
    public const double SlidesShare = EvaluationStages.SlidesShare;

    public async Task<EvaluationRunReport> RunAsync(EvaluationRunOptions options, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        var stages = new EvaluationStages(dbFactory, time);
        await stages.BeginAsync(options, progress, ct);
        await stages.ScoreAllAsync(options, progress, ct);
        return await stages.FinishAsync(options, progress, ct);
    }
}
