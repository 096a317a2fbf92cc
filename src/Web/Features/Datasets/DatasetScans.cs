using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorWeb.Data;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// Reads the pending slides of datasets in the background, one slide at a time across all datasets,
/// so a registration returns at once and memory stays at one slide's grid. Datasets take turns slide
/// by slide, so a long dataset never holds up another, and a slide that fails, or is refused for
/// its size before any decode, becomes that slide's error. A slide is pending until the scan has
/// stored either its vendor or its error.
/// </summary>
public sealed class DatasetScans(IDbContextFactory<TumorWebDbContext> dbFactory, DatasetRoots roots, SlideThumbnails thumbnails,
    IOptions<TumorWebOptions> settings, ILogger<DatasetScans> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _oneSlideAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<int, (Task Task, CancellationTokenSource Cancel)> _running = new();
    private readonly ConcurrentDictionary<int, DatasetScanProgress> _latest = new();
    private readonly ScanListeners _listeners = new(logger);

    /// <summary>Starts reading the dataset's pending slides unless a scan of it is already running.</summary>
    public void Start(int datasetId, GridOptions options)
    {
        lock (_gate)
        {
            if (_running.ContainsKey(datasetId)) return;
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var task = Task.Run(() => RunAsync(datasetId, options, cancel.Token));
            _running[datasetId] = (task, cancel);
        }
    }

    /// <summary>Completes when the dataset's background scan (if any) has ended.</summary>
    public Task WaitAsync(int datasetId) => _running.TryGetValue(datasetId, out var scan) ? scan.Task : Task.CompletedTask;

    public async Task CancelAsync(int datasetId)
    {
        if (!_running.TryGetValue(datasetId, out var scan)) return;
        await scan.Cancel.CancelAsync();
        await scan.Task;
    }

    public bool IsScanning(int datasetId) => _running.ContainsKey(datasetId);

    /// <summary>The last progress of a running scan, or null when the dataset is not being scanned.</summary>
    public DatasetScanProgress? Latest(int datasetId) => _latest.GetValueOrDefault(datasetId);

    /// <summary>Every scan's progress, from a background thread; dispose the result to stop listening.</summary>
    public IDisposable Subscribe(Action<DatasetScanProgress> listener) => _listeners.Add(listener);

    /// <summary>The scan itself, for callers that bring their own thread (a job queue): reads every pending slide.</summary>
    public async Task ScanAsync(int datasetId, GridOptions options, IProgress<DatasetScanProgress>? progress, CancellationToken ct)
    {
        options = options with { MaxTissuePixels = settings.Value.MaxTissuePixels };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // The threshold chosen at registration decides the roles of every scan of the dataset.
            if (await db.Datasets.Where(d => d.Id == datasetId).Select(d => (int?)d.TumorSlideThreshold).SingleOrDefaultAsync(ct) is { } threshold)
                options = options with { TumorSlideThreshold = threshold };
        }
        var pending = await PendingAsync(datasetId, ct);
        // A slide can become pending again while the scan runs (its drawn ground truth saved or switched): read until none is left.
        for (var batch = pending; batch.Count > 0; batch = await PendingAsync(datasetId, ct))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                await _oneSlideAtATime.WaitAsync(ct);
                try
                {
                    await ScanSlideAsync(datasetId, batch[i], i, batch.Count, options, progress, ct);
                }
                finally
                {
                    _oneSlideAtATime.Release();
                }
            }
        }
        progress?.Report(new DatasetScanProgress(datasetId, pending.Count, pending.Count, null, 1, Finished: true));
    }

    private async Task<List<int>> PendingAsync(int datasetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RegisteredSlides.Where(s => s.DatasetId == datasetId && s.Vendor == null && s.Error == null)
            .OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(ct);
    }

    private async Task ScanSlideAsync(int datasetId, int slideId, int done, int count, GridOptions options,
        IProgress<DatasetScanProgress>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RegisteredSlides.FindAsync([slideId], ct);
        if (row is null) return;
        progress?.Report(new DatasetScanProgress(datasetId, done, count, row.Name, (double)done / count));
        var stage = new InlineProgress<StageProgress>(p =>
            progress?.Report(new DatasetScanProgress(datasetId, done, count, row.Name, (done + p.Fraction) / count)));
        SlideInspection inspection;
        try
        {
            var drawn = await Annotations.AppAnnotations.GroundTruthAsync(db, row, ct);
            inspection = SlideInspector.Inspect(row, options, thumbnails, roots.Allowed, stage, ct, drawn);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever one file does, it is that slide's error: the rest of the dataset is still read.
            inspection = SlideInspection.Failed(e.Message);
        }
        inspection.ApplyTo(row);
        await db.SaveChangesAsync(ct);
        if (row.Error is not null) logger.LogWarning("Dataset {Dataset}: slide {Slide} failed: {Error}", datasetId, row.Name, row.Error);
    }

    private async Task RunAsync(int datasetId, GridOptions options, CancellationToken ct)
    {
        var progress = new InlineProgress<DatasetScanProgress>(Publish);
        try
        {
            logger.LogInformation("Dataset {Dataset}: scanning slides", datasetId);
            await ScanAsync(datasetId, options, progress, ct);
            logger.LogInformation("Dataset {Dataset}: scan finished", datasetId);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogInformation("Dataset {Dataset}: scan cancelled", datasetId);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Dataset {Dataset}: scan failed", datasetId);
        }
        finally
        {
            lock (_gate) _running.TryRemove(datasetId, out _);
            _latest.TryRemove(datasetId, out _);
            _listeners.Publish(new DatasetScanProgress(datasetId, 0, 0, null, 1, Finished: true));
        }
    }

    private void Publish(DatasetScanProgress progress)
    {
        if (progress.Finished) return; // the one finished event goes out after the scan is off the running list
        _latest[progress.DatasetId] = progress;
        _listeners.Publish(progress);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values.Select(scan => scan.Task));
        _stopping.Dispose();
        _oneSlideAtATime.Dispose();
    }
}
