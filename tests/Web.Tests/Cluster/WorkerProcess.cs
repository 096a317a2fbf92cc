using Hangfire;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>
/// A real <c>tumorweb worker</c> process (<see cref="TumorWebProcess"/>) with the given settings on its
/// command line, ready once its Hangfire server has announced itself in the cluster's storage. Kill
/// is SIGKILL, as a crash or the kernel's out-of-memory killer ends a process: no shutdown code runs.
/// Its output is kept for the test's failure message.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly TumorWebProcess _process;

    private WorkerProcess(string name, TumorWebProcess process) => (Name, _process) = (name, process);

    public string Name { get; }

    public string Output => string.Join('\n', _process.LogLines());

    /// <summary>Starts the worker and waits until its Hangfire server has announced itself in <paramref name="storage"/>.</summary>
    public static async Task<WorkerProcess> StartAsync(string name, string queues, IReadOnlyDictionary<string, string> settings, JobStorage storage)
    {
        var log = Path.Combine(Path.GetTempPath(), $"tumorweb-worker-{name}-{Guid.NewGuid():N}.log");
        var worker = new WorkerProcess(name, TumorWebProcess.Start(log, new Dictionary<string, string>(),
            ["worker", "--queues", queues, "--name", name, .. settings.Select(s => $"--{s.Key}={s.Value}")]));
        var deadline = DateTime.UtcNow + StartPatience;
        while (!storage.GetMonitoringApi().Servers().Any(s => s.Name.StartsWith(name.ToLowerInvariant() + ":", StringComparison.Ordinal)))
        {
            if (worker._process.HasExited) throw new InvalidOperationException($"worker {name} exited:\n{worker.Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"worker {name} did not start its Hangfire server within {StartPatience}:\n{worker.Output}");
            await Task.Delay(200);
        }
        return worker;
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it does.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>SIGTERM, as <c>systemctl stop</c> sends: the worker drains and exits; returns its exit code.</summary>
    public Task<int> TerminateAsync(TimeSpan patience) => _process.TerminateAsync(patience);

    /// <summary>SIGSTOP: the worker stands still where it is until <see cref="Continue"/>.</summary>
    public void Pause() => _process.Pause();

    /// <summary>SIGCONT: a stopped worker goes on.</summary>
    public void Continue() => _process.Continue();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        File.Delete(_process.LogFile);
    }
}
