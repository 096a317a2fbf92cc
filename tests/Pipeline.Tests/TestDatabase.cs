using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TumorWeb.Data;

namespace TumorWeb.Pipeline.Tests;

/// <summary>A real SQLite catalog in a temporary file, migrated like the app's.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tumorweb-db-").FullName;

    public TestDatabase()
    {
        Path = System.IO.Path.Combine(_directory, "catalog.db");
        Factory = new PooledDbContextFactory<TumorWebDbContext>(TumorWebDbContextOptions.Create($"Data Source={Path};Pooling=False"));
        using var db = Factory.CreateDbContext();
        db.MigrateAsync().GetAwaiter().GetResult();
    }

    public string Path { get; }
    public IDbContextFactory<TumorWebDbContext> Factory { get; }

    public TumorWebDbContext Open() => Factory.CreateDbContext();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
