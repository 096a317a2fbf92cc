using Microsoft.EntityFrameworkCore.Design;

namespace TumorWeb.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TumorWebDbContext>
{
    public TumorWebDbContext CreateDbContext(string[] args) =>
        new(TumorWebDbContextOptions.Create("Data Source=tumorweb-design.db"));
}
