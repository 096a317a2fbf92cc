using Microsoft.EntityFrameworkCore.Design;

namespace TumorWeb.Data.PostgreSql;

/// <summary>
/// Lets `dotnet ef migrations add NAME --context PostgreSqlTumorWebDbContext` build the context; adding
/// a migration never connects, so the connection string only has to parse.
/// </summary>
public sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlTumorWebDbContext>
{
    public PostgreSqlTumorWebDbContext CreateDbContext(string[] args) =>
        new(TumorWebDbContextOptions.CreatePostgreSql("Host=localhost;Database=tumorweb_design"));
}
