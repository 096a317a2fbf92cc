using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data.Tests;

/// <summary>A migrated SQLite database in a temporary file, deleted with its WAL files on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string path)
    {
        Path = path;
        // No pooling: a pooled connection would keep the file open after the test.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    }

    public string Path { get; }
    public string ConnectionString { get; }

    public static TestDatabase CreateEmpty() =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tumorweb-test-{Guid.NewGuid():N}.db"));

    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var database = CreateEmpty();
        await using var db = database.NewContext();
        await db.MigrateAsync();
        return database;
    }

    public TumorWebDbContext NewContext() => new(TumorWebDbContextOptions.Create(ConnectionString));

    /// <summary>Runs a query on a plain connection, to see what is really in the file.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
        return ValueTask.CompletedTask;
    }
}
