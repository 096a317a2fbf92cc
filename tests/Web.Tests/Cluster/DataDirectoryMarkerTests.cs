using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Cluster.Signals;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>Every node must see the data directory the first web node marked; the check runs on the real cluster database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DataDirectoryMarkerTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory _shared = new("tumorweb-shared-");
    private readonly TempDirectory _other = new("tumorweb-other-");

    public void Dispose()
    {
        _shared.Dispose();
        _other.Dispose();
    }

    private async Task<DataDirectoryMarker> MarkerAsync()
    {
        var services = new ServiceCollection().AddLogging().AddData(DatabaseConnection.PostgreSql(await postgres.NewDatabaseAsync())).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using (var db = await factory.CreateDbContextAsync()) await db.MigrateAsync();
        return new DataDirectoryMarker(factory, TimeProvider.System);
    }

    [SkippableFact]
    public async Task TheFirstWebNodeMarksTheDirectoryAndLaterNodesOnTheSameDirectoryStart()
    {
        var marker = await MarkerAsync();
        await marker.EnsureForWebNodeAsync(_shared.Path, CancellationToken.None);
        var id = File.ReadAllText(Path.Combine(_shared.Path, DataDirectoryMarker.FileName));

        await marker.EnsureForWebNodeAsync(_shared.Path, CancellationToken.None);
        await marker.CheckForWorkerAsync(_shared.Path, CancellationToken.None);

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, File.ReadAllText(Path.Combine(_shared.Path, DataDirectoryMarker.FileName)));
    }

    [SkippableFact]
    public async Task ANodeOnAnotherDirectoryRefusesToStartAndSaysWhy()
    {
        var marker = await MarkerAsync();
        await marker.EnsureForWebNodeAsync(_shared.Path, CancellationToken.None);

        var worker = await Assert.ThrowsAsync<DataDirectoryMismatchException>(() => marker.CheckForWorkerAsync(_other.Path, CancellationToken.None));
        var web = await Assert.ThrowsAsync<DataDirectoryMismatchException>(() => marker.EnsureForWebNodeAsync(_other.Path, CancellationToken.None));

        Assert.StartsWith($"{_other.Path} is not the cluster's shared data directory: it has no .tumorweb-cluster marker", worker.Message);
        Assert.Equal(worker.Message, web.Message);
        Assert.False(File.Exists(Path.Combine(_other.Path, DataDirectoryMarker.FileName)));
    }

    [SkippableFact]
    public async Task AMarkerOfAnotherClusterIsRefused()
    {
        var marker = await MarkerAsync();
        await marker.EnsureForWebNodeAsync(_shared.Path, CancellationToken.None);
        File.WriteAllText(Path.Combine(_other.Path, DataDirectoryMarker.FileName), "0123456789abcdef0123456789abcdef");

        var error = await Assert.ThrowsAsync<DataDirectoryMismatchException>(() => marker.CheckForWorkerAsync(_other.Path, CancellationToken.None));

        Assert.Contains("its .tumorweb-cluster marker (0123456789abcdef0123456789abcdef) is not the one this cluster's database records", error.Message);
    }

    [SkippableFact]
    public async Task AWorkerBeforeAnyWebNodeIsToldToStartAWebNodeFirst()
    {
        var marker = await MarkerAsync();
        var error = await Assert.ThrowsAsync<DataDirectoryMismatchException>(() => marker.CheckForWorkerAsync(_shared.Path, CancellationToken.None));
        Assert.StartsWith("no web node has started on this cluster database yet", error.Message);
    }

    [SkippableFact]
    public async Task TwoWebNodesStartingAtOnceAgreeOnOneMark()
    {
        var marker = await MarkerAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => marker.EnsureForWebNodeAsync(_shared.Path, CancellationToken.None))));
        await marker.CheckForWorkerAsync(_shared.Path, CancellationToken.None);
        Assert.Single(Directory.GetFiles(_shared.Path));
    }
}
