using Npgsql;

namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>The cluster database as the signals use it: a pooled source for NOTIFY, and the settings of the listener's own connection.</summary>
public sealed class ClusterSignalsConnection(string connectionString) : IAsyncDisposable
{
    /// <summary>Seconds of silence after which the listener's connection sends a keepalive, so a dead server is noticed.</summary>
    public const int KeepAliveSeconds = 10;

    public NpgsqlDataSource Notify { get; } = NpgsqlDataSource.Create(connectionString);

    /// <summary>Unpooled, so the LISTEN lives and dies with it; named so an operator sees it in pg_stat_activity.</summary>
    public string ListenerConnectionString(string nodeId) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = KeepAliveSeconds, ApplicationName = ListenerApplicationName(nodeId) }.ToString();

    /// <summary>PostgreSQL keeps the first 63 bytes of an application name; the ids are ASCII.</summary>
    public static string ListenerApplicationName(string nodeId)
    {
        var name = $"tumorweb-listener {nodeId}";
        return name.Length <= 63 ? name : name[..63];
    }

    public ValueTask DisposeAsync() => Notify.DisposeAsync();
}
