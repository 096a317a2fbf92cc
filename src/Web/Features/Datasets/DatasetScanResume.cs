using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>Restarts the scans a stop interrupted: datasets that still have slides never read.</summary>
public sealed class DatasetScanResume(IDbContextFactory<TumorWebDbContext> dbFactory, DatasetScans scans) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.RegisteredSlides.Where(s => s.Vendor == null && s.Error == null)
            .Select(s => s.DatasetId).Distinct().ToListAsync(cancellationToken);
        foreach (var datasetId in pending) scans.Start(datasetId, new GridOptions());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
