using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TumorWeb.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TumorWebDbContext"/> (scoped, for requests) and
    /// <see cref="IDbContextFactory{TContext}"/> (for background work that outlives a scope).
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, string connectionString) =>
        services.AddDbContextFactory<TumorWebDbContext>(options => options.UseTumorWebSqlite(connectionString));
}
