using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Datasets;

namespace TumorWeb.Web.Tests.Datasets;

public sealed class DemoDatasetServiceTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-demo-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private TumorWebFactory Start() => new(_data, demo: true,
        services => services.AddSingleton(new DemoDatasetOptions(Slides: 2, Side: 1024, NormalSlides: 1, Seed: 3, TumorSlideThreshold: 1)));

    private static async Task<List<Data.Entities.Dataset>> DatasetsOnceSettledAsync(TumorWebFactory factory)
    {
        _ = factory.Server; // starts the host and its hosted services
        var demo = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DemoDatasetService>().Single();
        await demo.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(2));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        return await db.Datasets.Include(d => d.Slides).ToListAsync();
    }

    [Fact]
    public async Task FirstStartWritesAndRegistersTheDemoOnceAndLaterStartsKeepIt()
    {
        List<Data.Entities.Dataset> first;
        await using (var factory = Start()) first = await DatasetsOnceSettledAsync(factory);

        var demo = Assert.Single(first);
        Assert.Equal(DemoDatasetOptions.Name, demo.Name);
        Assert.Equal(Path.Combine(_data, "demo"), demo.Folder);
        Assert.Equal(["normal_001", "tumor_001"], demo.Slides.Select(s => s.Name).Order());
        Assert.All(demo.Slides, s => Assert.Equal(("generic-tiff", null), (s.Vendor, s.Error)));
        Assert.Equal(Data.Entities.SlideRole.Tumor, demo.Slides.Single(s => s.Name == "tumor_001").Role);
        var written = File.GetLastWriteTimeUtc(Path.Combine(_data, "demo", "tumor_001.tif"));

        await using (var factory = Start())
            Assert.Equal(demo.Id, Assert.Single(await DatasetsOnceSettledAsync(factory)).Id);

        await using (var factory = Start())
        {
            await DatasetsOnceSettledAsync(factory);
            await factory.Services.GetRequiredService<DatasetRegistry>().DeleteAsync("tester", demo.Id);
        }
        await using (var factory = Start())
            Assert.Equal(DemoDatasetOptions.Name, Assert.Single(await DatasetsOnceSettledAsync(factory)).Name);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(_data, "demo", "tumor_001.tif")));
    }
}
