using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TumorWeb.Browser.Tests;

/// <summary>
/// The real tumorweb web app started as a child process on a free loopback port with its own
/// temporary data folder and database, as a lab would run it. Its console goes to app.log. The first
/// admin ("admin", <see cref="AdminPassword"/>) comes from the command line unless
/// <c>withAdmin</c> is false, when the app prints its one-time set-up link instead.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminPassword = "browser tests passphrase";

    private readonly Process process;
    private readonly StreamWriter log;

    private readonly string logFile;
    private readonly string[] settings;

    private AppProcess(Process process, StreamWriter log, string baseUrl, string dataDirectory, string logFile, string[] settings)
    {
        this.process = process;
        this.log = log;
        this.logFile = logFile;
        this.settings = settings;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }
    public string DataDirectory { get; }

    public static Task<AppProcess> StartAsync(string dataDirectory, string logFile, params string[] settings) =>
        StartAsync(dataDirectory, logFile, withAdmin: true, settings);

    public static async Task<AppProcess> StartAsync(string dataDirectory, string logFile, bool withAdmin, params string[] settings)
    {
        if (withAdmin) settings = [.. settings, $"--TumorWeb:Accounts:AdminPassword={AdminPassword}"];
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        start.ArgumentList.Add(AppBinary());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--TumorWeb:DataDirectory={dataDirectory}");
        foreach (var setting in settings) start.ArgumentList.Add(setting);

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, log, $"http://127.0.0.1:{port}", dataDirectory, logFile, settings);
        await app.WaitUntilServingAsync(logFile);
        return app;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would stop it: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        lock (log)
        {
            log.WriteLine("---- killed by the test (SIGKILL) ----");
            log.Dispose();
        }
    }

    /// <summary>A new process on the same data folder and settings (on a new port), as a lab restarts after a crash.</summary>
    public Task<AppProcess> StartAgainAsync() => StartAsync(DataDirectory, logFile, withAdmin: false, settings);

    private async Task WaitUntilServingAsync(string logFile)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"tumorweb exited with {process.ExitCode} at start-up; see {logFile}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/account/login")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"tumorweb did not answer on {BaseUrl} within 90 s; see {logFile}");
    }

    /// <summary>An API token of <paramref name="user"/>, made with the CLI on the app's database as an admin on the server would.</summary>
    public async Task<string> CreateTokenAsync(string user = "admin")
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.RepositoryRoot };
        foreach (var arg in new[] { AppBinary(), "tokens", "create", user, "--name", "tests", "--db", Path.Combine(DataDirectory, "tumorweb.db") })
            start.ArgumentList.Add(arg);
        using var cli = Process.Start(start)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        var error = await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return cli.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"tokens create failed ({cli.ExitCode}): {error}");
    }

    /// <summary>The lines the app printed so far (its console log).</summary>
    public string[] LogLines()
    {
        lock (log) log.Flush();
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd().Split('\n');
    }

    public static string AppBinary()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var binary = Path.Combine(TestPaths.RepositoryRoot, "src", "Web", "bin", configuration, "net10.0", "tumorweb.dll");
        return File.Exists(binary) ? binary : throw new FileNotFoundException("build src/Web first", binary);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool disposed;

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        lock (log) log.Dispose();
    }
}
