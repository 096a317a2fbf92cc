namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>The cluster database the signals go through, and this node's name on them (unique per process).</summary>
public sealed record ClusterSignalSettings(string ConnectionString, string Node)
{
    public static ClusterSignalSettings For(string connectionString) =>
        new(connectionString, $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");
}
