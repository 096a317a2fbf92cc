using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Cluster.Storage;

/// <summary>A web node in cluster mode checks (or, as the first, writes) the data directory's marker before it serves anything; registered after the migrations.</summary>
public sealed class WebNodeMarkerStartup(DataDirectoryMarker marker, TumorWebPaths paths) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => marker.EnsureForWebNodeAsync(paths.DataDirectory, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
