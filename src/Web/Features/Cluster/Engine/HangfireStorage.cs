using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Hangfire's storage in the cluster's PostgreSQL database, in a schema of its own ("hangfire").
/// New deliveries wake idle workers at once through LISTEN/NOTIFY; a polling interval is the fallback.
/// A worker's fetched job stays invisible to others while the worker lives (sliding invisibility),
/// and Hangfire delivers it again only after <see cref="InvisibilityTimeout"/> without a heartbeat.
/// </summary>
public static class HangfireStorage
{
    public const string Schema = "hangfire";

    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(5);

    // Any fixed number: the nodes agree on it, so only one installs Hangfire's tables at a time.
    private const long InstallLockKey = 0x54_75_6D_6F_72_48_46; // "TumorHF"

    public static PostgreSqlStorageOptions Options() => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = false,
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(2),
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = InvisibilityTimeout,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
    };

    public static JobStorage Open(string connectionString)
    {
        var options = Options();
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// Creates or upgrades Hangfire's tables. Two nodes that start at once would race in Hangfire's
    /// own installer, so a session-level advisory lock lets one install while the other waits.
    /// </summary>
    public static async Task InstallAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({InstallLockKey})", connection))
            await command.ExecuteNonQueryAsync(ct);
        try
        {
            PostgreSqlObjectsInstaller.Install(connection, Schema);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({InstallLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

/// <summary>
/// Installs Hangfire's tables at start-up, after the app's own migrations and before the Hangfire
/// server (if any) starts: hosted services start in the order they are registered.
/// </summary>
public sealed class HangfireSchemaStartup(Data.DatabaseConnection database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => HangfireStorage.InstallAsync(database.ConnectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
