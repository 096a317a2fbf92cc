using TumorWeb.Web.Features.Annotations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TumorWeb.Data;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Tests.Datasets;

/// <summary>
/// The dataset services over a fresh temp folder: &lt;temp&gt;/data (database, thumbnails) and
/// &lt;temp&gt;/root (the one data root), with a migrated SQLite file.
/// </summary>
public sealed class DatasetTestHost : IAsyncDisposable
{
    public string Work { get; } = Directory.CreateTempSubdirectory("tumorweb-datasets-").FullName;
    public string Root => Path.Combine(Work, "root");
    public string DataDirectory => Path.Combine(Work, "data");
    public ServiceProvider Services { get; }

    public DatasetTestHost()
    {
        Directory.CreateDirectory(Root);
        var services = new ServiceCollection();
        AddTo(services);
        Services = services.BuildServiceProvider();
        using var db = Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContext();
        db.MigrateAsync().GetAwaiter().GetResult();
    }

    /// <summary>Registers what the dataset pages and registry need (also into a bUnit context).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddLogging();
        var environment = new TestEnvironment(Work);
        services.AddSingleton<IWebHostEnvironment>(environment);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(environment);
        services.Configure<TumorWebOptions>(o =>
        {
            o.DataDirectory = DataDirectory;
            o.DataRoots = [Root];
        });
        services.AddSingleton<TumorWebPaths>();
        services.AddData($"Data Source={Path.Combine(DataDirectory, "tumorweb.db")}");
        Directory.CreateDirectory(DataDirectory);
        services.AddDatasets();
        services.AddAnnotations();
    }

    public DatasetRegistry Registry => Services.GetRequiredService<DatasetRegistry>();
    public DatasetQueries Queries => Services.GetRequiredService<DatasetQueries>();
    public SlideThumbnails Thumbnails => Services.GetRequiredService<SlideThumbnails>();

    public TumorWebDbContext Db() => Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContext();

    /// <summary>A folder under the data root.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Work, recursive: true);
    }

    private sealed class TestEnvironment(string root) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = root;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "tumorweb";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = root;
        public string EnvironmentName { get; set; } = Environments.Development;
    }
}
