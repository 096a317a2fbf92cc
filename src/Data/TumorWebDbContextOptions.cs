using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.PostgreSql;
using TumorWeb.Data.Sqlite;

namespace TumorWeb.Data;

/// <summary>The one place that says how the context talks to each database, shared by DI, tools and tests.</summary>
public static class TumorWebDbContextOptions
{
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    public static DbContextOptionsBuilder UseTumorWebSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteBusyTimeoutInterceptor(BusyTimeout));

    /// <summary>
    /// No retrying execution strategy: the app opens its own transactions (a row and its audit entry
    /// together), which such a strategy refuses unless every one is wrapped in it.
    /// </summary>
    public static DbContextOptionsBuilder UseTumorWebPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public static DbContextOptions<TumorWebDbContext> Create(string connectionString) =>
        (DbContextOptions<TumorWebDbContext>)new DbContextOptionsBuilder<TumorWebDbContext>()
            .UseTumorWebSqlite(connectionString)
            .Options;

    public static DbContextOptions<PostgreSqlTumorWebDbContext> CreatePostgreSql(string connectionString) =>
        (DbContextOptions<PostgreSqlTumorWebDbContext>)new DbContextOptionsBuilder<PostgreSqlTumorWebDbContext>()
            .UseTumorWebPostgreSql(connectionString)
            .Options;
}
