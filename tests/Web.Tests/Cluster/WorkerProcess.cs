using System.Diagnostics;
using System.Text;
using Hangfire;
using TumorWeb.Web.Tests.Cli;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>
/// A real <c>tumorweb worker</c> process with the given settings on its command line. Kill is
/// SIGKILL, as a crash or the kernel's out-of-memory killer ends a process: no shutdown code runs.
/// Its output is kept for the test's failure message.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(string name, Process process) => (Name, _process) = (name, process);

    public string Name { get; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the worker and waits until its Hangfire server has announced itself in <paramref name="storage"/>.</summary>
    public static async Task<WorkerProcess> StartAsync(string name, string queues, IReadOnlyDictionary<string, string> settings, JobStorage storage)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = CliRunner.RepositoryRoot,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "tumorweb.dll"), "worker", "--queues", queues, "--name", name })
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        var worker = new WorkerProcess(name, Process.Start(start)!);
        worker._process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartPatience;
        while (!storage.GetMonitoringApi().Servers().Any(s => s.Name.StartsWith(name.ToLowerInvariant() + ":", StringComparison.Ordinal)))
        {
            if (worker._process.HasExited) throw new InvalidOperationException($"worker {name} exited with {worker._process.ExitCode}:\n{worker.Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"worker {name} did not start its Hangfire server within {StartPatience}:\n{worker.Output}");
            await Task.Delay(200);
        }
        return worker;
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it does.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as <c>systemctl stop</c> sends (and SIGCONT, should the test have stopped it): the worker drains and exits; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        await SignalAsync("-TERM");
        await SignalAsync("-CONT");
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGSTOP: the process stops where it is, in the middle of whatever it does, until <see cref="ContinueAsync"/>.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT: a stopped process goes on.</summary>
    public Task ContinueAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
