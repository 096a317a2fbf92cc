using Xunit;

namespace TumorWeb.Tests;

/// <summary>
/// One <see cref="PostgresServer"/> for the test classes of <see cref="PostgresCollection"/>,
/// started by the first test that asks for a database and only then, so that on a machine without
/// PostgreSQL those tests report themselves skipped instead of failing in the fixture.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private PostgresServer? _server;

    /// <summary>A new empty database for one test; its connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        PostgresServer.SkipUnlessInstalled();
        await _starting.WaitAsync();
        try
        {
            _server ??= await PostgresServer.StartAsync();
        }
        finally
        {
            _starting.Release();
        }
        return await _server.CreateDatabaseAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _starting.Dispose();
    }
}

/// <summary>The test classes that share one throwaway PostgreSQL server (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
