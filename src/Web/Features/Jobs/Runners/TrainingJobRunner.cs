using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Training;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Jobs.Runners;

/// <summary>
/// Training on a completed extraction into runs/training-&lt;job id&gt;. A job that already made its run
/// (found by that folder) continues it from its furthest checkpoint, as <c>train --resume</c> does.
/// The run's training.json names the web app's database, so the CLI can resume it too.
/// </summary>
public sealed class TrainingJobRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TumorWebPaths paths, TimeProvider time) : IJobRunner
{
    public JobKind Kind => JobKind.Training;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<TrainingJobParameters>();
        var output = JobOutputFolder.Create(paths.RunDirectory("training", context.JobId));
        var runner = new TrainingRunner(dbFactory, time);
        var progress = new TrainingJobProgress(context, dbFactory);
        var existing = await ExistingRunAsync(output, ct);
        var report = existing is { } runId
            ? await runner.ResumeAsync(runId, p.Epochs, progress, ct)
            : await runner.RunAsync(await OptionsForAsync(p, output, ct), progress, ct);
        context.Link(report.RunId);
        var last = report.Metrics.LastOrDefault();
        context.Report(1, last is null ? "trained" : $"trained {report.Epochs} epochs; validation accuracy {Format(last.ValAccuracy)}");
    }

    private async Task<TrainingOptions> OptionsForAsync(TrainingJobParameters p, string output, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var extraction = await db.ExtractionRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == p.ExtractionRunId, ct)
            ?? throw new InvalidOperationException($"extraction run {p.ExtractionRunId} no longer exists");
        return Options(p, extraction.OutputDirectory, output, paths.DatabaseFile);
    }

    /// <summary>The web app's mapping of a job's settings to the training stage; null means the preset's default.</summary>
    public static TrainingOptions Options(TrainingJobParameters p, string patchesDirectory, string outputDirectory, string databaseFile) => new()
    {
        PatchesDirectory = patchesDirectory,
        OutputDirectory = outputDirectory,
        Preset = ModelPresets.Parse(p.Preset),
        Epochs = p.Epochs,
        BatchSize = p.BatchSize,
        LearningRate = p.LearningRate,
        Seed = p.Seed,
        CatalogPath = databaseFile,
    };

    private async Task<int?> ExistingRunAsync(string output, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TrainingRuns.Where(r => r.OutputDirectory == output).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
