using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data.Tests;

/// <summary>
/// An empty or migrated database for one test: a temporary SQLite file, deleted with its WAL files
/// on dispose, or a new database on the throwaway PostgreSQL server of <see cref="PostgresFixture"/>
/// (gone with the server).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _file;

    private TestDatabase(DatabaseConnection connection, string? file) => (Connection, _file) = (connection, file);

    public DatabaseConnection Connection { get; }

    public DatabaseProvider Provider => Connection.Provider;

    public string ConnectionString => Connection.ConnectionString;

    public static TestDatabase CreateEmpty()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tumorweb-test-{Guid.NewGuid():N}.db");
        // No pooling: a pooled connection would keep the file open after the test.
        return new(DatabaseConnection.Sqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()), path);
    }

    /// <summary>An empty database of <paramref name="provider"/>; skips the test when PostgreSQL is asked for and not installed.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider, PostgresFixture postgres) => provider switch
    {
        DatabaseProvider.PostgreSql => new(DatabaseConnection.PostgreSql(await postgres.NewDatabaseAsync()), null),
        _ => CreateEmpty(),
    };

    public static Task<TestDatabase> CreateMigratedAsync() => MigrateAsync(CreateEmpty());

    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider, PostgresFixture postgres) =>
        await MigrateAsync(await CreateEmptyAsync(provider, postgres));

    public TumorWebDbContext NewContext() => Connection.NewContext();

    /// <summary>
    /// Runs a query on the context's own connection, to see what is really stored. Quote names
    /// ("Status"): PostgreSQL folds unquoted ones to lower case, and SQLite accepts the quotes too.
    /// </summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var db = NewContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (_file is not null)
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_file + suffix);
        return ValueTask.CompletedTask;
    }

    private static async Task<TestDatabase> MigrateAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        await db.MigrateAsync();
        return database;
    }
}
