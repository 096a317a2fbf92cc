using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorWeb.Data;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Synthetic;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// On a start with no datasets (and TumorWeb:DemoDataset on), writes the synthetic demo slides to
/// &lt;DataDirectory&gt;/demo unless a complete set is already there, and registers them. Runs in the
/// background, so the server listens while the slides are painted.
/// </summary>
public sealed class DemoDatasetService(IOptions<TumorWebOptions> options, IDbContextFactory<TumorWebDbContext> dbFactory,
    DatasetRegistry registry, DemoDatasetOptions demo, ILogger<DemoDatasetService> logger) : BackgroundService
{
    private const string StampFile = ".demo-complete";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.DemoDataset) return;
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
                if (await db.Datasets.AnyAsync(stoppingToken)) return;
            var folder = registry.Roots.DemoFolder;
            if (!IsComplete(folder)) Generate(folder, stoppingToken);
            var dataset = await registry.RegisterAsync(Accounts.AuditActions.System, folder, DemoDatasetOptions.Name,
                new GridOptions { TumorSlideThreshold = demo.TumorSlideThreshold }, stoppingToken);
            logger.LogInformation("Demo dataset registered as dataset {Id}; reading its {Count} slides", dataset.Id, dataset.Slides.Count);
            await registry.Scans.WaitAsync(dataset.Id);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The demo dataset could not be set up");
        }
    }

    private bool IsComplete(string folder)
    {
        var stamp = Path.Combine(folder, StampFile);
        return File.Exists(stamp) && File.ReadAllText(stamp) == demo.Stamp;
    }

    private void Generate(string folder, CancellationToken ct)
    {
        logger.LogInformation("Writing the demo dataset to {Folder}: {Stamp}", folder, demo.Stamp);
        Directory.CreateDirectory(folder);
        File.Delete(Path.Combine(folder, StampFile));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var nextTenth = 1;
        SyntheticSlideGenerator.Generate(demo.Synth(folder), new InlineProgress<StageProgress>(p =>
        {
            if (p.Fraction * 10 < nextTenth) return;
            nextTenth = (int)(p.Fraction * 10) + 1;
            logger.LogInformation("Demo dataset: {Percent:0}% written", p.Fraction * 100);
        }), ct);
        File.WriteAllText(Path.Combine(folder, StampFile), demo.Stamp);
        logger.LogInformation("Demo dataset written in {Seconds:0.0} s", clock.Elapsed.TotalSeconds);
    }
}
