using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TumorWeb.Web.Features.Jobs.Notifications;
using TumorWeb.Web.Features.Jobs.Queue;
using TumorWeb.Web.Features.Jobs.Runners;
using TumorWeb.Web.Features.Cluster.Engine;
using TumorWeb.Web.Features.Cluster.Signals;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The job queue and its engine, the runners, the notifier with its hub relay and progress
    /// writer, SignalR, and the JSON settings of the API and the hub (enums as names). The engine is
    /// the in-process worker, or in cluster mode (TumorWeb:Cluster:PostgreSql) Hangfire (docs/cluster.md).
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = TumorWebOptions.From(configuration);
        services.AddJobRunning();
        services.TryAddSingleton<Accounts.AuditLog>();
        services.AddSingleton<JobSignals>();
        services.AddSingleton<JobValidation>();
        if (options.Cluster.Enabled)
        {
            // Hosted services start in order: the data directory is checked before the engine takes work.
            services.AddDataDirectoryCheck(webNode: true);
            services.AddClusterSignals(options.Cluster.PostgreSql!);
            services.AddClusterEngine(options.Cluster, ClusterEngineServiceCollectionExtensions.WebNode(options.Cluster, options.MaxConcurrentJobs));
        }
        else
        {
            services.AddSingleton<IJobQueue, JobQueue>();
            services.AddHostedService<JobWorker>();
        }
        services.AddHostedService<RunsHubRelay>();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        return services;
    }

    /// <summary>What runs jobs on any node, a web node or a worker: the runners, the notifier and the progress writer.</summary>
    public static IServiceCollection AddJobRunning(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunNotifier>();
        services.AddSingleton<IRunNotifier>(sp => sp.GetRequiredService<RunNotifier>());
        services.AddSingleton<IJobRunner, ExtractionJobRunner>();
        services.AddSingleton<IJobRunner, TrainingJobRunner>();
        services.AddSingleton<IJobRunner, EvaluationJobRunner>();
        services.AddSingleton<IJobRunner, MiningJobRunner>();
        return services.AddHostedService<JobProgressWriter>();
    }

    /// <summary>/api/jobs (see docs/api.md), the public progress hub at /hubs/runs and, in cluster mode, Hangfire's dashboard at /admin/jobs.</summary>
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder endpoints)
    {
        JobsApi.Map(endpoints.MapGroup("/api"));
        endpoints.MapHub<RunsHub>(RunsHub.Path);
        endpoints.MapClusterDashboard();
        return endpoints;
    }
}
