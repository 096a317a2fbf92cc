using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Web.Features.Annotations;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Jobs.Runners;

/// <summary>
/// Extraction of a registered dataset into runs/extraction-&lt;job id&gt;. The runner finds its run by
/// that folder, so running the job again resumes it without duplicates, as the CLI's extract does.
/// </summary>
public sealed class ExtractionJobRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TumorWebPaths paths, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<TumorWebOptions> settings) : IJobRunner
{
    public JobKind Kind => JobKind.Extraction;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var options = await OptionsForJobAsync(context, ct);
        var progress = new ExtractionProgress(context, dbFactory, options.OutputDirectory);
        var report = await new ExtractionRunner(dbFactory, time).RunAsync(options, progress, ct);
        ReportFinished(context, report);
    }

    /// <summary>The job's extraction settings with its dataset's slides, roles and drawn regions, into runs/extraction-&lt;job id&gt;.</summary>
    public async Task<ExtractionOptions> OptionsForJobAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<ExtractionJobParameters>();
        Dataset dataset;
        Dictionary<int, DrawnAnnotations> drawn;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            dataset = await db.Datasets.AsNoTracking().Include(d => d.Slides).SingleOrDefaultAsync(d => d.Id == p.DatasetId, ct)
                ?? throw new InvalidOperationException($"dataset {p.DatasetId} no longer exists");
            drawn = await AppAnnotations.GroundTruthOfDatasetAsync(db, dataset.Id, ct);
        }
        var options = OptionsFor(p, dataset, JobOutputFolder.Create(paths.RunDirectory("extraction", context.JobId)));
        return options with
        {
            Grid = options.Grid with { MaxTissuePixels = settings.Value.MaxTissuePixels },
            BatchSize = settings.Value.ExtractionBatchSize,
            DrawnAnnotations = dataset.Slides.Where(s => drawn.ContainsKey(s.Id)).ToDictionary(s => s.Name, s => drawn[s.Id]),
        };
    }

    /// <summary>Links the job to the finished run and says what it made; throws when the run failed, so the job fails with it.</summary>
    public static void ReportFinished(JobContext context, ExtractionReport report)
    {
        context.Link(report.RunId);
        if (report.Status == RunStatus.Failed) throw new InvalidOperationException($"extraction run {report.RunId} failed: {report.Error}");
        context.Report(1, report.FailedSlides == 0
            ? $"{Plural.Of(report.Extracted, "patch")} from {Plural.Of(report.Slides.Count, "slide")}"
            : $"{Plural.Of(report.Extracted, "patch")}; {report.FailedSlides} of {Plural.Of(report.Slides.Count, "slide")} failed (see the run)");
    }

    public static ExtractionOptions OptionsFor(ExtractionJobParameters p, Dataset dataset, string outputDirectory) => new()
    {
        DatasetDirectory = dataset.Folder,
        DatasetId = dataset.Id,
        SlideRoles = dataset.Slides.Where(s => s.Role != Data.Entities.SlideRole.Unknown).ToDictionary(s => s.Name, s => s.Role),
        OutputDirectory = outputDirectory,
        Seed = p.Seed,
        TumorFraction = p.TumorFraction,
        NormalPerTumor = p.NormalPerTumor,
        PatchSize = p.PatchSize,
        PatchMicrons = p.PatchMicrons,
        Grid = new GridOptions { CellSize = p.CellSize, TumorSlideThreshold = p.TumorSlideThreshold, CellMicrons = p.CellMicrons, Mpp = p.Mpp },
        ValidationFraction = p.ValidationFraction,
        TestFraction = p.TestFraction,
    };
}
