using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data.PostgreSql;

namespace TumorWeb.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The SQLite database of <paramref name="connectionString"/>; see <see cref="AddData(IServiceCollection, DatabaseConnection)"/>.</summary>
    public static IServiceCollection AddData(this IServiceCollection services, string connectionString) =>
        services.AddData(DatabaseConnection.Sqlite(connectionString));

    /// <summary>
    /// Registers <see cref="TumorWebDbContext"/> (scoped, for requests),
    /// <see cref="IDbContextFactory{TContext}"/> (for background work that outlives a scope) and the
    /// <see cref="DatabaseConnection"/> itself. On PostgreSQL both hand out
    /// <see cref="PostgreSqlTumorWebDbContext"/>, so the code that asks for the base type is the same in both modes.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.Sqlite)
            return services.AddDbContextFactory<TumorWebDbContext>(options => options.UseTumorWebSqlite(database.ConnectionString));
        services.AddDbContextFactory<PostgreSqlTumorWebDbContext>(options => options.UseTumorWebPostgreSql(database.ConnectionString));
        services.AddSingleton<IDbContextFactory<TumorWebDbContext>>(provider =>
            new BaseContextFactory<PostgreSqlTumorWebDbContext>(provider.GetRequiredService<IDbContextFactory<PostgreSqlTumorWebDbContext>>()));
        return services.AddScoped<TumorWebDbContext>(provider => provider.GetRequiredService<PostgreSqlTumorWebDbContext>());
    }

    private sealed class BaseContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<TumorWebDbContext>
        where TContext : TumorWebDbContext
    {
        public TumorWebDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<TumorWebDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
