using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// The extraction stage in one process: dataset folder -> grids (saved per slide) -> seed sampling -> context patches
/// in a pack and the catalog, through the <see cref="ExtractionStages"/> that a cluster runs on
/// several machines. Starting it again on the same output folder resumes the run: the draw is
/// deterministic, so it finds the same cells and only extracts those not yet catalogued.
/// A slide that fails is recorded with its error and the other slides still complete.
/// </summary>
public sealed class ExtractionRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public async Task<ExtractionReport> RunAsync(ExtractionOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var stages = new ExtractionStages(dbFactory, time);
        var clock = Stopwatch.StartNew();
        var planned = await stages.BeginAndPlanAsync(options, progress, ct);
        var gridSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var written = planned.NothingToExtract is null ? await stages.ExtractAllAsync(options, progress, ct) : 0;
        return await stages.FinishAsync(options, ct, gridSeconds, clock.Elapsed.TotalSeconds, written);
    }
}
