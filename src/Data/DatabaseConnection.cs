using Microsoft.Data.Sqlite;
using Npgsql;

namespace TumorWeb.Data;

/// <summary>
/// Which database the catalog lives in and how to reach it. <see cref="ToString"/> leaves the
/// password out, so the value can be logged and put in error messages.
/// </summary>
public sealed class DatabaseConnection
{
    private DatabaseConnection(DatabaseProvider provider, string connectionString, string description) =>
        (Provider, ConnectionString, _description) = (provider, connectionString, description);

    private readonly string _description;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static DatabaseConnection Sqlite(string connectionString) =>
        new(DatabaseProvider.Sqlite, connectionString, $"SQLite {new SqliteConnectionStringBuilder(connectionString).DataSource}");

    public static DatabaseConnection SqliteFile(string path) => Sqlite($"Data Source={path}");

    /// <summary>Throws <see cref="ArgumentException"/>, without repeating the string, when it does not parse.</summary>
    public static DatabaseConnection PostgreSql(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"not a valid PostgreSQL connection string: {e.Message}", nameof(connectionString), e);
        }
        if (string.IsNullOrWhiteSpace(parsed.Host))
            throw new ArgumentException("the PostgreSQL connection string names no Host", nameof(connectionString));
        return new(DatabaseProvider.PostgreSql, connectionString,
            $"PostgreSQL database \"{parsed.Database}\" on {parsed.Host}:{parsed.Port} as \"{parsed.Username}\"");
    }

    /// <summary>A new context on this database; its type fits the provider, so migrations find their set.</summary>
    public TumorWebDbContext NewContext() => Provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSql.PostgreSqlTumorWebDbContext(TumorWebDbContextOptions.CreatePostgreSql(ConnectionString)),
        _ => new TumorWebDbContext(TumorWebDbContextOptions.Create(ConnectionString)),
    };

    public override string ToString() => _description;
}
