namespace TumorWeb.Web.Features.Datasets;

/// <summary>Loads the admin-added data roots before scans resume and before the server takes requests.</summary>
public sealed class DataRootsStartup(DataRootsAdmin admin) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => admin.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
