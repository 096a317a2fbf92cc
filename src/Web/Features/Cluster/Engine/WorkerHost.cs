using TumorWeb.Web.Features.Cluster.Signals;
using TumorWeb.Data;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>What <c>tumorweb worker</c> is told on its command line: the queues it serves, how many items at once, its name.</summary>
public sealed record WorkerSettings(IReadOnlyList<string> Queues, int Concurrency = 1, string? Name = null)
{
    public ClusterNode Node() => new(string.IsNullOrWhiteSpace(Name) ? ClusterNode.DefaultName() : Name.Trim(), Queues, Concurrency);
}

/// <summary>
/// The process of <c>tumorweb worker</c>: a generic host with no web server, on the same
/// configuration as the web app (appsettings.json next to the binary, then the content root's,
/// TumorWeb__X environment variables, --TumorWeb:X=value arguments), the cluster database, the job
/// runners with the progress notifier and writer, and a Hangfire server for its queues. Ctrl-C or
/// SIGTERM drains it: running items stop at their next safe point, save their checkpoint and go
/// back to the queue for another worker.
/// </summary>
public static class WorkerHost
{
    public const string MissingDatabase = "tumorweb worker needs a cluster database: set TumorWeb:Cluster:PostgreSql (docs/cluster.md)";

    /// <exception cref="InvalidOperationException">No cluster database is configured (<see cref="MissingDatabase"/>), or its setting does not parse.</exception>
    public static IHost Build(WorkerSettings worker, string[] configurationArgs, Action<IServiceCollection>? moreServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs });
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });
        var options = TumorWebOptions.From(builder.Configuration);
        if (!options.Cluster.Enabled) throw new InvalidOperationException(MissingDatabase);
        if (worker.Concurrency < 1) throw new ArgumentException($"--concurrency must be at least 1 (got {worker.Concurrency})");

        builder.Services.Configure<TumorWebOptions>(builder.Configuration.GetSection(TumorWebOptions.Section));
        builder.Services.AddSingleton<TumorWebPaths>();
        var paths = TumorWebPaths.From(builder.Configuration, builder.Environment);
        builder.Services.AddData(AppDatabase.Choose(options, paths.DatabaseFile));
        builder.Services.AddHostedService<DatabaseStartup>();
        AddClusterChecks(builder.Services, options.Cluster.PostgreSql!);
        builder.Services.AddJobRunning();
        builder.Services.AddClusterEngine(options.Cluster, worker.Node());
        // Long enough for Hangfire's own shutdown timeout: running items save their checkpoint first.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
        moreServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// Where a worker checks that it belongs to the cluster before it takes work: that it sees the
    /// web nodes' data directory (the data-directory marker) and that its progress events reach the
    /// web nodes (the PostgreSQL progress relay). Both are registered here, after the database and
    /// before the engine, so they start before the Hangfire server does.
    /// </summary>
    private static void AddClusterChecks(IServiceCollection services, string connectionString)
    {
        services.AddDataDirectoryCheck(webNode: false);
        services.AddClusterSignals(connectionString);
    }
}
