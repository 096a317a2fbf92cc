using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Sqlite;

namespace TumorWeb.Data;

/// <summary>The one place that says how the context talks to SQLite, shared by DI, tools and tests.</summary>
public static class TumorWebDbContextOptions
{
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    public static DbContextOptionsBuilder UseTumorWebSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteBusyTimeoutInterceptor(BusyTimeout));

    public static DbContextOptions<TumorWebDbContext> Create(string connectionString) =>
        (DbContextOptions<TumorWebDbContext>)new DbContextOptionsBuilder<TumorWebDbContext>()
            .UseTumorWebSqlite(connectionString)
            .Options;
}
