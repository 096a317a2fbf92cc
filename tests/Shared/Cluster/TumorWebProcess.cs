using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TumorWeb.Tests;

/// <summary>
/// The real <c>tumorweb</c> (src/Web's build output) as a child process, as a lab runs it: a web
/// node on a free loopback port, a <c>tumorweb worker</c>, or any other command. Its console goes
/// to a log file; every wait is bounded; dispose kills what is still running, with its children.
/// Settings go in through the environment (<c>TumorWeb__Cluster__PostgreSql</c>), as on a server,
/// so a password never shows on a command line.
/// </summary>
public sealed class TumorWebProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// What a worker logs once its hosted services have started: the data directory check, the
    /// progress relay and the Hangfire server (whose own announcement is not in the console log).
    /// </summary>
    public const string WorkerReadyLine = "Application started.";

    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _disposed;
    private bool _logClosed;

    private TumorWebProcess(Process process, StreamWriter log, string logFile, string? baseUrl)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:port of a web node; null for other commands.</summary>
    public string? BaseUrl { get; }

    public string LogFile { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet tumorweb.dll</c> with <paramref name="arguments"/>; returns at once.</summary>
    public static TumorWebProcess Start(string logFile, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments) =>
        Start(logFile, environment, arguments, baseUrl: null);

    /// <summary>A web node on a free loopback port, once it answers HTTP 200 on its sign-in page.</summary>
    public static async Task<TumorWebProcess> StartWebAsync(string logFile, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var web = Start(logFile, environment, ["--urls", baseUrl, .. arguments], baseUrl);
        try
        {
            await web.WaitUntilServingAsync();
            return web;
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>tumorweb worker --queues Q [--concurrency N] [--name NAME]</c>, once its log shows <paramref name="readyLine"/>.</summary>
    public static async Task<TumorWebProcess> StartWorkerAsync(string logFile, IReadOnlyDictionary<string, string> environment, string queues,
        int? concurrency = null, string? name = null, string readyLine = WorkerReadyLine)
    {
        List<string> arguments = ["worker", "--queues", queues];
        if (concurrency is { } n) arguments.AddRange(["--concurrency", n.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (name is not null) arguments.AddRange(["--name", name]);
        var worker = Start(logFile, environment, arguments);
        try
        {
            await worker.WaitForLogLineAsync(line => line.Contains(readyLine, StringComparison.Ordinal), StartPatience);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>The build of src/Web next to this test build (same configuration).</summary>
    public static string AppBinary()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var binary = Path.Combine(TestPaths.RepositoryRoot, "src", "Web", "bin", configuration, "net10.0", "tumorweb.dll");
        return File.Exists(binary) ? binary : throw new FileNotFoundException("build src/Web first", binary);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for a line of the log that <paramref name="wanted"/> picks; fails naming the log when the process exits first or time runs out.</summary>
    public async Task<string> WaitForLogLineAsync(Func<string, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (LogLines().FirstOrDefault(wanted) is { } line) return line;
            if (_process.HasExited) throw new InvalidOperationException($"tumorweb exited with {_process.ExitCode} before the awaited line; see {LogFile}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"tumorweb did not log the awaited line within {timeout.TotalSeconds:0} s; see {LogFile}");
            await Task.Delay(100);
        }
    }

    /// <summary>The exit code, once the process has ended by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"tumorweb still ran after {timeout.TotalSeconds:0} s; see {LogFile}");
        }
        // The output handlers may still hold the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to the process and its children, as a crash or the OOM killer would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        Note("---- killed by the test (SIGKILL) ----");
        // Closed now, so a restarted process can append to the same log.
        CloseLog();
    }

    /// <summary>SIGTERM, as systemd stops a service: the process shuts down by itself; its exit code once it has, within <paramref name="timeout"/>.</summary>
    /// <remarks>A process the test stopped (<see cref="Pause"/>) is continued after the SIGTERM, so that it handles it.</remarks>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        Signal(SigTerm, "SIGTERM");
        Signal(SigCont, "SIGCONT");
        return await WaitForExitAsync(timeout);
    }

    /// <summary>SIGSTOP: the process stands still where it is, in the middle of whatever it does, until <see cref="Continue"/>.</summary>
    public void Pause() => Signal(SigStop, "SIGSTOP");

    /// <summary>SIGCONT: a stopped process goes on.</summary>
    public void Continue() => Signal(SigCont, "SIGCONT");

    private void Signal(int signal, string name)
    {
        if (_process.HasExited) return;
        if (SendSignal(_process.Id, signal) != 0)
            throw new InvalidOperationException($"could not send {name} to process {_process.Id}: errno {Marshal.GetLastPInvokeError()}");
        Note($"---- {name} from the test ----");
    }

    /// <summary>The lines the process printed so far.</summary>
    public string[] LogLines()
    {
        lock (_log)
        {
            if (!_logClosed) _log.Flush();
        }
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd().Split('\n');
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _disposed = true;
        CloseLog();
        _process.Dispose();
    }

    private static TumorWebProcess Start(string logFile, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments, string? baseUrl)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.RepositoryRoot };
        start.ArgumentList.Add(AppBinary());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var started = new TumorWebProcess(process, log, logFile, baseUrl);
        process.OutputDataReceived += (_, e) => started.Write(e.Data);
        process.ErrorDataReceived += (_, e) => started.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"tumorweb exited with {_process.ExitCode} at start-up; see {LogFile}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/account/login")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"tumorweb did not answer on {BaseUrl} within {StartPatience.TotalSeconds:0} s; see {LogFile}");
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            if (!_logClosed) _log.WriteLine(line);
        }
    }

    private void CloseLog()
    {
        lock (_log)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private void Note(string line) => Write(line);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
