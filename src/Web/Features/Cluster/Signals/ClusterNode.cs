using System.Globalization;

namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>
/// This process's name among the cluster's nodes: machine, process id and a random part (two app
/// instances in one process, as in the tests, are two nodes). Tags the run events this node sends,
/// so its listener can leave its own events out.
/// </summary>
public sealed class ClusterNode
{
    private const int MachineNameLength = 24;

    public string Id { get; } = NewId(Environment.MachineName, Environment.ProcessId, Random.Shared.Next());

    public static string NewId(string machine, int processId, int random) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine[..Math.Min(machine.Length, MachineNameLength)]}/{processId}/{random:x8}");
}
