using Microsoft.Extensions.DependencyInjection.Extensions;
using TumorWeb.Web.Features.Cluster.Signals;
using TumorWeb.Web.Features.Cluster.Storage;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// What every node of a cluster (web node or worker) needs to share progress: a node id, the
    /// broadcaster that NOTIFYs this node's run events and the listener that delivers the other
    /// nodes' events to this node's subscribers; and the <see cref="DataDirectoryMarker"/>. Needs
    /// <see cref="Jobs.Notifications.RunNotifier"/>, an <see cref="Microsoft.EntityFrameworkCore.IDbContextFactory{TContext}"/>
    /// of the cluster database, and logging registered too.
    /// </summary>
    public static IServiceCollection AddClusterSignals(this IServiceCollection services, string postgreSqlConnectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClusterNode>();
        services.AddSingleton(new ClusterSignalsConnection(postgreSqlConnectionString));
        services.AddSingleton<DataDirectoryMarker>();
        services.AddHostedService<RunEventListener>();
        services.AddHostedService<RunEventBroadcaster>();
        return services;
    }

    /// <summary>
    /// A web node in cluster mode (TumorWeb:Cluster:PostgreSql set): the data directory's marker is
    /// written or checked right after the migrations, and run events travel between the nodes.
    /// Nothing in embedded mode. Call after AddTumorWebHosting, whose migrations must come first.
    /// </summary>
    public static IServiceCollection AddClusterWebNode(this IServiceCollection services, IConfiguration configuration)
    {
        if (TumorWebOptions.From(configuration).Cluster.PostgreSql is not { Length: > 0 } connectionString) return services;
        services.AddHostedService<WebNodeMarkerStartup>();
        return services.AddClusterSignals(connectionString);
    }
}
