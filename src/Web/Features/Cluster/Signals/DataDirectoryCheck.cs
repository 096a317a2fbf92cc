namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>The start-up check of <see cref="DataDirectoryMarker"/>: it runs before the node takes any work, and a failure stops the start.</summary>
public sealed class DataDirectoryCheck(DataDirectoryMarker marker, string dataDirectory, bool webNode, ILogger<DataDirectoryCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (webNode) await marker.EnsureForWebNodeAsync(dataDirectory, cancellationToken);
        else await marker.CheckForWorkerAsync(dataDirectory, cancellationToken);
        logger.LogInformation("Data directory {Directory} is the cluster's shared one", dataDirectory);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
