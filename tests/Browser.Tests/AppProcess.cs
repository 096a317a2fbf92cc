using System.Diagnostics;

namespace TumorWeb.Browser.Tests;

/// <summary>
/// The real tumorweb web app started as a child process (<see cref="TumorWebProcess"/>) on a free
/// loopback port with its own temporary data folder and database, as a lab would run it. Its console
/// goes to app.log. The first admin ("admin", <see cref="AdminPassword"/>) comes from the command
/// line unless <c>withAdmin</c> is false, when the app prints its one-time set-up link instead.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminPassword = "browser tests passphrase";

    private readonly TumorWebProcess _process;
    private readonly string[] _settings;

    private AppProcess(TumorWebProcess process, string dataDirectory, string[] settings)
    {
        _process = process;
        _settings = settings;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl => _process.BaseUrl!;
    public string DataDirectory { get; }

    public static Task<AppProcess> StartAsync(string dataDirectory, string logFile, params string[] settings) =>
        StartAsync(dataDirectory, logFile, withAdmin: true, settings);

    public static async Task<AppProcess> StartAsync(string dataDirectory, string logFile, bool withAdmin, params string[] settings)
    {
        if (withAdmin) settings = [.. settings, $"--TumorWeb:Accounts:AdminPassword={AdminPassword}"];
        var process = await TumorWebProcess.StartWebAsync(logFile, new Dictionary<string, string>(), [$"--TumorWeb:DataDirectory={dataDirectory}", .. settings]);
        return new AppProcess(process, dataDirectory, settings);
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would stop it: no shutdown code runs.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>A new process on the same data folder and settings (on a new port), as a lab restarts after a crash.</summary>
    public Task<AppProcess> StartAgainAsync() => StartAsync(DataDirectory, _process.LogFile, withAdmin: false, _settings);

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
    public string[] LogLines() => _process.LogLines();

    public static string AppBinary() => TumorWebProcess.AppBinary();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
