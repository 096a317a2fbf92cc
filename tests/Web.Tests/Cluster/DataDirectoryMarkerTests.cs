using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorWeb.Data;
using TumorWeb.Web.Features.Cluster.Storage;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>The data directory's marker: written by the first web node, required of every later node and of every worker.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DataDirectoryMarkerTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory _shared = new("tumorweb-shared-");
    private readonly TempDirectory _elsewhere = new("tumorweb-elsewhere-");

    [SkippableFact]
    public async Task TheFirstWebNodeWritesTheFileAndTheRowAndASecondOnTheSameDirectoryStarts()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var first = Node(_shared.Path, database);
        _ = first.Services;

        var id = File.ReadAllText(Path.Combine(_shared.Path, DataDirectoryMarker.FileName)).Trim();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, await RecordedAsync(database));

        await using var second = Node(_shared.Path, database);
        _ = second.Services;
        Assert.Equal(id, await RecordedAsync(database));
    }

    [SkippableFact]
    public async Task AWebNodeWithAnotherDataDirectoryRefusesToStartNamingItsDirectory()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var first = Node(_shared.Path, database);
        _ = first.Services;

        await using var stray = Node(_elsewhere.Path, database);
        var error = Assert.Throws<InvalidOperationException>(() => stray.Services);

        Assert.Equal(DataDirectoryMarker.Refusal(_elsewhere.Path, $"holds no {DataDirectoryMarker.FileName} marker file"), error.Message);
        Assert.Contains($"the data directory {_elsewhere.Path} holds no .tumorweb-cluster marker file", error.Message);
        Assert.Contains("must be the shared mount", error.Message);
        Assert.False(File.Exists(Path.Combine(_elsewhere.Path, DataDirectoryMarker.FileName)));
    }

    [SkippableFact]
    public async Task TheWorkerCheckPassesOnTheSharedDirectoryAndRefusesAnotherOrAForeignMarker()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var web = Node(_shared.Path, database);
        var marker = web.Services.GetRequiredService<DataDirectoryMarker>();

        await marker.CheckForWorkerAsync(_shared.Path, CancellationToken.None);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => marker.CheckForWorkerAsync(_elsewhere.Path, CancellationToken.None));
        Assert.StartsWith($"the data directory {_elsewhere.Path} holds no .tumorweb-cluster marker file, so it is not the data directory of this cluster's web nodes", missing.Message);

        await File.WriteAllTextAsync(Path.Combine(_elsewhere.Path, DataDirectoryMarker.FileName), "0123456789abcdef0123456789abcdef\n");
        var foreign = await Assert.ThrowsAsync<InvalidOperationException>(() => marker.CheckForWorkerAsync(_elsewhere.Path, CancellationToken.None));
        Assert.StartsWith($"the data directory {_elsewhere.Path} holds the .tumorweb-cluster marker 0123456789abcdef0123456789abcdef, but the cluster database records {await RecordedAsync(database)}", foreign.Message);
    }

    [SkippableFact]
    public async Task AWorkerBeforeAnyWebNodeIsToldToStartAWebNodeFirst()
    {
        var marker = new DataDirectoryMarker(await MigratedAsync(await postgres.NewDatabaseAsync()), TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => marker.CheckForWorkerAsync(_shared.Path, CancellationToken.None));

        Assert.StartsWith("no web node has started on this cluster database yet", error.Message);
        Assert.Contains(_shared.Path, error.Message);
    }

    [SkippableFact]
    public async Task WebNodesStartingAtOnceOnTheSameDirectoryAgreeOnOneMarker()
    {
        var factory = await MigratedAsync(await postgres.NewDatabaseAsync());
        var nodes = Enumerable.Range(0, 6).Select(_ => new DataDirectoryMarker(factory, TimeProvider.System)).ToList();

        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.EnsureForWebNodeAsync(_shared.Path, CancellationToken.None))));

        Assert.Equal([DataDirectoryMarker.FileName], Directory.GetFiles(_shared.Path).Select(Path.GetFileName));
        Assert.Equal(File.ReadAllText(Path.Combine(_shared.Path, DataDirectoryMarker.FileName)).Trim(), await RecordedAsync(factory));
    }

    private static TumorWebFactory Node(string dataDirectory, string database) =>
        new(dataDirectory, settings: new Dictionary<string, string> { [AppDatabase.ClusterKey] = database });

    private static async Task<IDbContextFactory<TumorWebDbContext>> MigratedAsync(string database)
    {
        var factory = new ServiceCollection().AddData(DatabaseConnection.PostgreSql(database)).BuildServiceProvider()
            .GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.MigrateAsync();
        return factory;
    }

    private static async Task<string?> RecordedAsync(IDbContextFactory<TumorWebDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ClusterSettings.Where(s => s.Key == DataDirectoryMarker.SettingKey).Select(s => s.Value).SingleOrDefaultAsync();
    }

    private static async Task<string?> RecordedAsync(string database)
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
    }
}
