using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Mining;
using TumorWeb.Pipeline.Training;
using TumorWeb.Web.Features.Annotations;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Jobs.Runners;

/// <summary>
/// Hard-negative mining of an extraction with a training run's furthest checkpoint into
/// runs/mining-&lt;job id&gt;, a new extraction run derived from the first. Running the job again after
/// a crash or a cancel mines again from the start into the same folder.
/// </summary>
public sealed class MiningJobRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TumorWebPaths paths, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<TumorWebOptions> settings) : IJobRunner
{
    public JobKind Kind => JobKind.Mining;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<MiningJobParameters>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var extraction = await db.ExtractionRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == p.ExtractionRunId, ct)
            ?? throw new InvalidOperationException($"extraction run {p.ExtractionRunId} no longer exists");
        var training = await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == p.TrainingRunId, ct)
            ?? throw new InvalidOperationException($"training run {p.TrainingRunId} no longer exists");
        var checkpoint = Checkpoints.Furthest(training.OutputDirectory)
            ?? throw new InvalidOperationException($"training run {p.TrainingRunId} has no checkpoint in {training.OutputDirectory}");
        var options = new MiningOptions
        {
            PatchesDirectory = extraction.OutputDirectory,
            ModelPath = checkpoint,
            ModelDescription = $"{training.Preset} (training run {training.Id}, {Path.GetFileName(checkpoint)})",
            Top = p.Top,
            OutputDirectory = JobOutputFolder.Create(paths.RunDirectory("mining", context.JobId)),
            MaxTissuePixels = settings.Value.MaxTissuePixels,
            DrawnAnnotations = await DrawnRegionsAsync(db, extraction, ct),
        };
        await new HardNegativeMiner(dbFactory, time).RunAsync(options, new Progress(context), ct);
    }

    /// <summary>
    /// The regions drawn in the app now, by slide name, of the extraction's dataset: the miner builds the grids of slides
    /// extracted with drawn regions from them, and refuses if they changed since.
    /// </summary>
    public static async Task<Dictionary<string, DrawnAnnotations>> DrawnRegionsAsync(TumorWebDbContext db, ExtractionRun extraction, CancellationToken ct)
    {
        if (extraction.DatasetId is not { } datasetId) return [];
        var drawn = await AppAnnotations.GroundTruthOfDatasetAsync(db, datasetId, ct);
        var slides = await db.RegisteredSlides.AsNoTracking().Where(s => s.DatasetId == datasetId).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return slides.Where(s => drawn.ContainsKey(s.Id)).ToDictionary(s => s.Name, s => drawn[s.Id]);
    }

    /// <summary>Links the job to its derived run at the first report and shows the rest on the job.</summary>
    private sealed class Progress(JobContext context) : IProgress<MiningProgress>
    {
        public void Report(MiningProgress value)
        {
            context.Link(value.RunId);
            if (value.Message is not null) context.Report(value.Fraction, value.Message);
        }
    }
}
