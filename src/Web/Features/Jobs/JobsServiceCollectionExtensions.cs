using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TumorWeb.Web.Features.Jobs.Notifications;
using TumorWeb.Web.Features.Jobs.Queue;
using TumorWeb.Web.Features.Jobs.Runners;

namespace TumorWeb.Web.Features.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The job queue and its worker, the runners, the notifier with its hub relay and progress
    /// writer, SignalR, and the JSON settings of the API and the hub (enums as names).
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Accounts.AuditLog>();
        services.AddSingleton<RunNotifier>();
        services.AddSingleton<IRunNotifier>(sp => sp.GetRequiredService<RunNotifier>());
        services.AddSingleton<JobSignals>();
        services.AddSingleton<JobValidation>();
        services.AddSingleton<IJobQueue, JobQueue>();
        services.AddSingleton<IJobRunner, ExtractionJobRunner>();
        services.AddSingleton<IJobRunner, TrainingJobRunner>();
        services.AddSingleton<IJobRunner, EvaluationJobRunner>();
        services.AddSingleton<IJobRunner, MiningJobRunner>();
        services.AddHostedService<JobWorker>();
        services.AddHostedService<RunsHubRelay>();
        services.AddHostedService<JobProgressWriter>();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        return services;
    }

    /// <summary>/api/jobs (see docs/api.md) and the public progress hub at /hubs/runs.</summary>
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder endpoints)
    {
        JobsApi.Map(endpoints.MapGroup("/api"));
        endpoints.MapHub<RunsHub>(RunsHub.Path);
        return endpoints;
    }
}
