using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TumorWeb.Tests;

/// <summary>
/// A throwaway PostgreSQL server for tests: a cluster made by initdb in a temp folder, started by
/// pg_ctl on a free port of 127.0.0.1 with its socket in the same folder, stopped and removed on
/// dispose. PostgreSQL refuses to run as root, so under root (as the tests run in CI) every server
/// command runs as the postgres user that Debian's package creates.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string MissingReason = "needs Debian's postgresql: run scripts/setup.sh (it installs the package)";

    /// <summary>Names the folder of initdb and pg_ctl when they are not under /usr/lib/postgresql/N/bin.</summary>
    public const string BinVariable = "TUMORWEB_POSTGRES_BIN";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private const string Superuser = "postgres";
    private const int StartAttempts = 3;
    private const string FolderPrefix = "tumorweb-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan UnownedGrace = TimeSpan.FromMinutes(10);

    private PostgresServer(string folder, int port) => (Folder, Port) = (folder, port);

    /// <summary>The binaries of <see cref="BinVariable"/>, else the newest installed server's (/usr/lib/postgresql/15/bin on Debian 12); null when missing.</summary>
    public static string? BinDirectory { get; } = FindBinDirectory();

    /// <summary>Holds the cluster's data folder, its log and its socket.</summary>
    public string Folder { get; }

    public int Port { get; }

    private string DataFolder => Path.Combine(Folder, "data");

    private string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>Skips the calling test (a [SkippableFact] or [SkippableTheory]) when the server is not installed.</summary>
    public static void SkipUnlessInstalled() => Skip.If(BinDirectory is null, MissingReason);

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(MissingReason);
        await StopAbandonedAsync(bin);
        var folder = await NewFolderAsync();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var data = Path.Combine(folder, "data");
            // No locale: text sorts by bytes, as SQLite's default collation does. No sync: the data is thrown away.
            await RunAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", Superuser, "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync", "--no-instructions");
            await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), Settings(folder));
            for (var attempt = 1; ; attempt++)
            {
                var server = new PostgresServer(folder, FreePort());
                try
                {
                    await RunAsync(Path.Combine(bin, "pg_ctl"), "start", "-D", data, "-w", "-t", "30", "-l", server.LogFile, "-o", $"-p {server.Port}");
                    return server;
                }
                // Another process may take the free port between the probe and the start.
                catch (PostgresCommandException) when (attempt < StartAttempts)
                {
                }
            }
        }
        catch (Exception e)
        {
            var log = Path.Combine(folder, "server.log");
            var detail = File.Exists(log) ? $"{Environment.NewLine}server log:{Environment.NewLine}{await File.ReadAllTextAsync(log)}" : "";
            TempDirectory.Delete(folder);
            throw new InvalidOperationException($"could not start a throwaway PostgreSQL in {folder}: {e.Message}{detail}", e);
        }
    }

    /// <summary>A new empty database on this server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"tumorweb_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = database, Timeout = 10 }.ToString();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(BinDirectory!, "pg_ctl"), "stop", "-D", DataFolder, "-m", "immediate", "-w", "-t", "10");
        }
        finally
        {
            TempDirectory.Delete(Folder);
        }
    }

    private static string Settings(string folder) => $"""

        # Added by the tests' PostgresServer.
        listen_addresses = '127.0.0.1'
        unix_socket_directories = '{folder}'
        fsync = off
        synchronous_commit = off
        full_page_writes = off
        max_connections = 200
        shared_buffers = 32MB

        """;

    private static string? FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } given)
            return HasServer(given) ? given : null;
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(HasServer)
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static bool HasServer(string bin) => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl"));

    private static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Under root the postgres user makes the folder itself, so it owns what initdb puts there.</summary>
    private static async Task<string> NewFolderAsync()
    {
        if (!IsRoot) return Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        var output = await RunAsync("mktemp", "-d", Path.Combine(Path.GetTempPath(), FolderPrefix + "XXXXXX"));
        return output.Trim();
    }

    /// <summary>
    /// Stops and removes the servers of test runs that were killed before they could dispose them
    /// (their owner process is gone), so an aborted run leaves nothing behind for long.
    /// </summary>
    private static async Task StopAbandonedAsync(string bin)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                if (!IsAbandoned(folder)) continue;
                var data = Path.Combine(folder, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    await RunAsync(Path.Combine(bin, "pg_ctl"), "stop", "-D", data, "-m", "immediate", "-w", "-t", "10");
                TempDirectory.Delete(folder);
            }
            // Another user's folder, or one that will not stop: left alone, it does not stand in this server's way.
            catch (Exception e) when (e is PostgresCommandException or IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsAbandoned(string folder)
    {
        var owner = Path.Combine(folder, OwnerFile);
        if (!File.Exists(owner)) return DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) > UnownedGrace;
        if (!int.TryParse(File.ReadAllText(owner), out var pid)) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Runs a command as the server's owner, bounded by <see cref="CommandTimeout"/>; returns its standard output.</summary>
    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (IsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", Superuser, "--", program }) start.ArgumentList.Add(argument);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new PostgresCommandException($"{Path.GetFileName(program)} did not finish within {CommandTimeout.TotalSeconds:0} s");
        }
        if (process.ExitCode != 0)
            throw new PostgresCommandException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        return await output;
    }

    private sealed class PostgresCommandException(string message) : Exception(message);
}
