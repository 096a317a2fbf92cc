namespace TumorWeb.Web.Features.Cluster.Signals;

public static class ClusterSignalsServiceCollectionExtensions
{
    /// <summary>
    /// The start-up check that this node shares the cluster's data directory (<see cref="DataDirectoryMarker"/>):
    /// a web node marks it when the cluster has no mark yet; a worker only checks. Register it before
    /// anything that takes work, since hosted services start in order.
    /// </summary>
    public static IServiceCollection AddDataDirectoryCheck(this IServiceCollection services, bool webNode)
    {
        services.AddSingleton<DataDirectoryMarker>();
        return services.AddHostedService(sp => new DataDirectoryCheck(sp.GetRequiredService<DataDirectoryMarker>(),
            sp.GetRequiredService<Hosting.TumorWebPaths>().DataDirectory, webNode, sp.GetRequiredService<ILogger<DataDirectoryCheck>>()));
    }

    /// <summary>
    /// What a cluster node needs to share run events with the others (<see cref="RunEventRelay"/>).
    /// Needs the job notifier (AddJobs, or the worker's job services) registered too.
    /// </summary>
    public static IServiceCollection AddClusterSignals(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(ClusterSignalSettings.For(connectionString));
        services.AddSingleton<RunEventRelay>();
        return services.AddHostedService(sp => sp.GetRequiredService<RunEventRelay>());
    }
}
