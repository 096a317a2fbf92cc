namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Who this process is in the cluster: the name it writes into the items it owns, the Hangfire
/// queues it serves and how many items it runs at once. A node that runs no jobs serves no queue.
/// </summary>
public sealed record ClusterNode(string Name, IReadOnlyList<string> Queues, int Concurrency)
{
    public const string Cpu = "cpu";
    public const string Gpu = "gpu";

    public static readonly IReadOnlyList<string> AllQueues = [Cpu, Gpu];

    public bool RunsJobs => Queues.Count > 0;

    /// <summary>A name unique on this machine as long as the process lives: host name and process id.</summary>
    public static string DefaultName() => $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>"cpu,gpu" as the queues' names; throws <see cref="ArgumentException"/> naming an unknown one.</summary>
    public static IReadOnlyList<string> ParseQueues(string text)
    {
        var queues = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(q => q.ToLowerInvariant()).Distinct().ToList();
        if (queues.Count == 0) throw new ArgumentException($"name at least one queue: {string.Join(", ", AllQueues)}");
        if (queues.FirstOrDefault(q => !AllQueues.Contains(q)) is { } unknown)
            throw new ArgumentException($"unknown queue \"{unknown}\": the queues are {string.Join(" and ", AllQueues)}");
        return queues;
    }
}
