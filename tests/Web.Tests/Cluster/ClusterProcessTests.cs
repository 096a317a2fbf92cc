using Npgsql;
using TumorWeb.Web.Features.Cluster.Signals;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>tumorweb as separate processes on one throwaway PostgreSQL database, configured through the environment as on a lab's servers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterProcessTests(PostgresFixture postgres) : IDisposable
{
    private static readonly TimeSpan ExitPatience = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _shared = new("tumorweb-shared-");
    private readonly TempDirectory _elsewhere = new("tumorweb-elsewhere-");
    private readonly TempDirectory _logs = new("tumorweb-logs-");

    [SkippableFact]
    public async Task AWebProcessOnAnotherDataDirectoryThanTheFirstExitsWithTheMarkerMessage()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var first = await TumorWebProcess.StartWebAsync(_logs.File("web-1.log"), Environment(database, _shared.Path));
        var marker = File.ReadAllText(Path.Combine(_shared.Path, DataDirectoryMarker.FileName)).Trim();
        Assert.Equal(marker, await RecordedMarkerAsync(database));

        await using (var second = await TumorWebProcess.StartWebAsync(_logs.File("web-2.log"), Environment(database, _shared.Path)))
            Assert.False(second.HasExited);

        await using var stray = TumorWebProcess.Start(_logs.File("web-stray.log"), Environment(database, _elsewhere.Path),
            ["--urls", $"http://127.0.0.1:{TumorWebProcess.FreePort()}"]);
        Assert.NotEqual(0, await stray.WaitForExitAsync(ExitPatience));
        Assert.Contains(stray.LogLines(), line => line.Contains(
            $"{_elsewhere.Path} is not the cluster's shared data directory: it has no {DataDirectoryMarker.FileName} marker.", StringComparison.Ordinal));
        Assert.False(first.HasExited);
    }

    [SkippableFact]
    public async Task AWorkerOnTheWebNodesDataDirectoryStartsAndOneOnAnotherExitsWithTheMarkerMessage()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var web = await TumorWebProcess.StartWebAsync(_logs.File("web.log"), Environment(database, _shared.Path));

        await using var worker = await TumorWebProcess.StartWorkerAsync(_logs.File("worker.log"), Environment(database, _shared.Path), "cpu", concurrency: 2, name: "shared");
        Assert.Contains(worker.LogLines(), line => line.Contains($"Data directory {_shared.Path} is the cluster's shared one", StringComparison.Ordinal));

        await using var stray = TumorWebProcess.Start(_logs.File("worker-stray.log"), Environment(database, _elsewhere.Path), ["worker", "--queues", "cpu"]);
        Assert.NotEqual(0, await stray.WaitForExitAsync(ExitPatience));
        Assert.Contains(stray.LogLines(), line => line.Contains(
            $"{_elsewhere.Path} is not the cluster's shared data directory: it has no {DataDirectoryMarker.FileName} marker.", StringComparison.Ordinal));
        Assert.False(worker.HasExited);
    }

    private static Dictionary<string, string> Environment(string database, string dataDirectory) => new()
    {
        ["TumorWeb__Cluster__PostgreSql"] = database,
        ["TumorWeb__DataDirectory"] = dataDirectory,
        ["TumorWeb__DemoDataset"] = "false",
        ["TumorWeb__Cluster__RunJobs"] = "false",
    };

    private static async Task<string?> RecordedMarkerAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""SELECT "Value" FROM "ClusterSettings" WHERE "Key" = '{DataDirectoryMarker.SettingKey}'""", connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        _shared.Dispose();
        _elsewhere.Dispose();
        _logs.Dispose();
    }
}
