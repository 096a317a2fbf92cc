using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Dashboard;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Cluster.Engine;

public static class ClusterEngineServiceCollectionExtensions
{
    public const string DashboardPath = "/admin/jobs";

    /// <summary>
    /// The cluster's job engine: <see cref="ClusterJobQueue"/> behind <see cref="IJobQueue"/>,
    /// Hangfire's storage in PostgreSQL, and, on a node that serves queues, a Hangfire server that
    /// runs job items and the lease sweeper. Raises the process's thread-pool floor (<see cref="ThreadPoolFloor"/>).
    /// </summary>
    /// <remarks>
    /// Hangfire's own AddHangfire keeps the storage and the job activator in process-wide statics, so
    /// two hosts in one process (the tests' web node and workers) would run each other's jobs. Each
    /// host here has its own storage, activator and client in its container instead; the statics are
    /// only read by Hangfire's extension methods to check that Hangfire was set up.
    /// </remarks>
    public static IServiceCollection AddClusterEngine(this IServiceCollection services, ClusterOptions cluster, ClusterNode node)
    {
        ThreadPoolFloor.Raise();
        services.AddSingleton(node);
        services.AddSingleton(LeaseSettings.FromSeconds(cluster.LeaseSeconds));
        services.AddSingleton<JobItemLeases>();
        services.AddSingleton<LocalItems>();
        services.AddSingleton<JobOutcomes>();
        services.AddSingleton<JobStages>();
        services.AddSingleton<JobItemDispatch>();
        services.AddTransient<JobItemExecutor>();
        services.AddSingleton<IJobItemRunner, WholeJobItemRunner>();
        services.AddSingleton<IJobItemRunner, ExtractionItemRunner>();
        services.AddSingleton<IJobItemRunner, EvaluationItemRunner>();
        services.AddSingleton<IStageSlides, ExtractionStageSlides>();
        services.AddSingleton<IStageSlides, EvaluationStageSlides>();
        services.AddSingleton<IJobQueue, ClusterJobQueue>();

        var connectionString = cluster.PostgreSql!;
        services.AddHostedService<HangfireLogging>();
        services.AddHostedService<HangfireSchemaStartup>();
        services.AddSingleton<JobStorage>(_ => HangfireStorage.Open(connectionString));
        services.AddSingleton<IGlobalConfiguration>(_ => GlobalConfiguration.Configuration);
        services.AddSingleton(_ => DashboardRoutes.Routes);
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(_ => JobFilterProviders.Providers);
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IJobFilterProvider>()));
        if (!node.RunsJobs) return services;
        services.AddHangfireServer((_, o) =>
        {
            o.ServerName = node.Name;
            o.Queues = [.. node.Queues];
            o.WorkerCount = node.Concurrency;
            // Running items stop at their next safe point and save their checkpoint; this is how long they get.
            o.ShutdownTimeout = TimeSpan.FromSeconds(30);
        });
        return services.AddHostedService<LeaseSweeper>();
    }

    /// <summary>The node of a web app in cluster mode: it serves the configured queues (all by default) unless RunJobs is false.</summary>
    public static ClusterNode WebNode(ClusterOptions cluster, int maxConcurrentJobs) => new(
        string.IsNullOrWhiteSpace(cluster.NodeName) ? ClusterNode.DefaultName() : cluster.NodeName.Trim(),
        !cluster.RunJobs ? [] : cluster.Queues.Count == 0 ? ClusterNode.AllQueues : ClusterNode.ParseQueues(string.Join(',', cluster.Queues)),
        Math.Max(1, maxConcurrentJobs));

    /// <summary>
    /// Hangfire's dashboard at /admin/jobs in cluster mode, read-only, for signed-in Admins only (the
    /// app's own cookie and roles decide; Hangfire's own filters are off). Nothing in embedded mode.
    /// </summary>
    public static IEndpointRouteBuilder MapClusterDashboard(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<JobStorage>() is not { } storage) return endpoints;
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(LabRoles.AdminPolicy, DashboardPath, new DashboardOptions
        {
            AppPath = "/",
            DashboardTitle = "TumorWeb jobs",
            IsReadOnlyFunc = _ => true,
            DisplayStorageConnectionString = false,
        }, storage);
        return endpoints;
    }
}
