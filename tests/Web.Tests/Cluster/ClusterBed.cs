using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Cluster.Engine;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;
using TumorWeb.Web.Hosting;
using TumorWeb.Web.Tests.Jobs;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>
/// A cluster in one process: the real web app in cluster mode (it runs no jobs itself) and worker
/// hosts built by the same code as <c>tumorweb worker</c>, all on one throwaway PostgreSQL database
/// and one data directory. Leases are short, so a lapsed one is noticed within seconds.
/// </summary>
public sealed class ClusterBed : IAsyncDisposable
{
    public const int LeaseSeconds = 3;

    private readonly List<IHost> _workers = [];

    private ClusterBed(string database, string dataDirectory, string dataRoot)
    {
        (Database, DataDirectory, DataRoot) = (database, dataDirectory, dataRoot);
        Web = new TestApp(dataDirectory, settings: new Dictionary<string, string>(Settings) { ["TumorWeb:Cluster:RunJobs"] = "false" });
    }

    public string Database { get; }
    public string DataDirectory { get; }
    public string DataRoot { get; }
    public TestApp Web { get; }

    public IDbContextFactory<TumorWebDbContext> Db => Web.Db;

    private Dictionary<string, string> Settings => new()
    {
        [AppDatabase.ClusterKey] = Database,
        ["TumorWeb:Cluster:LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TumorWeb:DataRoots:0"] = DataRoot,
    };

    public static async Task<ClusterBed> StartAsync(PostgresFixture postgres, string dataDirectory, string dataRoot)
    {
        var bed = new ClusterBed(await postgres.NewDatabaseAsync(), dataDirectory, dataRoot);
        _ = bed.Web.Services; // starts the web node: it migrates the database and installs Hangfire's tables
        return bed;
    }

    /// <summary>The settings a worker needs to join this cluster: the web node's database, data directory and lease.</summary>
    public IReadOnlyDictionary<string, string> WorkerSettings => new Dictionary<string, string>(Settings) { ["TumorWeb:DataDirectory"] = DataDirectory };

    /// <summary>A started worker, as <c>tumorweb worker --queues Q --concurrency N --name NAME</c> with the web node's settings.</summary>
    public async Task<IHost> StartWorkerAsync(string name, string queues, int concurrency = 1, JobGate? gate = null)
    {
        var args = WorkerSettings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        var host = WorkerHost.Build(new WorkerSettings(ClusterNode.ParseQueues(queues), concurrency, name), args, services =>
        {
            if (gate is not null)
                services.AddSingleton<IRunNotifier>(sp => new ClusterGatedNotifier(sp.GetRequiredService<RunNotifier>(), gate,
                    sp.GetRequiredService<LocalItems>()));
        });
        await host.StartAsync();
        _workers.Add(host);
        return host;
    }

    public async Task StopWorkerAsync(IHost worker)
    {
        await worker.StopAsync();
        worker.Dispose();
        _workers.Remove(worker);
    }

    public async Task<List<JobItem>> ItemsAsync(int jobId)
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.JobItems.AsNoTracking().Where(i => i.JobId == jobId).OrderBy(i => i.Id).ToListAsync();
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Hangfire's background jobs in the Succeeded state: deliveries that ran to the end (duplicates included).</summary>
    public long SucceededDeliveries() => Storage.GetMonitoringApi().SucceededListCount();

    public JobStorage Storage => Web.Services.GetRequiredService<JobStorage>();

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers.ToList()) await StopWorkerAsync(worker);
        await Web.DisposeAsync();
    }
}

/// <summary>
/// A worker's notifier with a <see cref="JobGate"/>: holds the job's item where the gate says until the
/// test opens it or the worker stops the item (a cancel it saw, or its shutdown).
/// </summary>
internal sealed class ClusterGatedNotifier(IRunNotifier inner, JobGate gate, LocalItems items) : IRunNotifier
{
    public void Publish(RunEvent runEvent)
    {
        inner.Publish(runEvent);
        gate.Pass(runEvent, items.TokenOf(runEvent.JobId));
    }

    public IDisposable Subscribe(Action<RunEvent> handler) => inner.Subscribe(handler);
}
