using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Stain;
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
        TrainingReport report;
        try
        {
            if (existing is { } runId) await EnsureRunFolderAsync(runId, output, ct);
            report = existing is { } id
                ? await runner.ResumeAsync(id, p.Epochs, progress, ct)
                : await runner.RunAsync(await OptionsForAsync(p, output, ct), progress, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The run row may exist before its first file failed (a full disk): linked, the queue marks it Failed with the job.
            if (await ExistingRunAsync(output, CancellationToken.None) is { } made) context.Link(made);
            throw;
        }
        context.Link(report.RunId);
        var last = report.Metrics.LastOrDefault();
        context.Report(1, last is null ? "trained" : $"trained {report.Epochs} epochs; validation accuracy {Format(last.ValAccuracy)}");
    }

    private async Task<TrainingOptions> OptionsForAsync(TrainingJobParameters p, string output, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var extraction = await db.ExtractionRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == p.ExtractionRunId, ct)
            ?? throw new InvalidOperationException($"extraction run {p.ExtractionRunId} no longer exists");
        return Options(p, extraction.OutputDirectory, output, paths.CatalogFile);
    }

    /// <summary>The web app's mapping of a job's settings to the training stage; null means the preset's default.</summary>
    public static TrainingOptions Options(TrainingJobParameters p, string patchesDirectory, string outputDirectory, string? databaseFile) => new()
    {
        PatchesDirectory = patchesDirectory,
        OutputDirectory = outputDirectory,
        Preset = ModelPresets.Parse(p.Preset),
        Epochs = p.Epochs,
        BatchSize = p.BatchSize,
        LearningRate = p.LearningRate,
        Seed = p.Seed,
        ColorAugment = ColorAugments.Parse(p.ColorAugment),
        StainNormalize = StainMethods.Parse(p.StainNormalize),
        StainReference = string.IsNullOrWhiteSpace(p.StainReference) ? null : p.StainReference.Trim(),
        CatalogPath = databaseFile,
    };

    /// <summary>A run whose first write failed has no training.json; without it <c>train --resume</c> could not find its catalog.</summary>
    private async Task EnsureRunFolderAsync(int runId, string output, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(output, RunFolder.FileName))) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.TrainingRuns.AsNoTracking().Include(r => r.ExtractionRun).SingleAsync(r => r.Id == runId, ct);
        new RunFolder(run.Id, run.ExtractionRun!.OutputDirectory, paths.CatalogFile, TrainingHyperparameters.FromJson(run.Hyperparameters)).Write(output);
    }

    private async Task<int?> ExistingRunAsync(string output, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TrainingRuns.Where(r => r.OutputDirectory == output).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
