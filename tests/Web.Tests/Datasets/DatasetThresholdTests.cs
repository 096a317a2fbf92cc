using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Web.Features.Datasets;
using SlideRole = TumorWeb.Data.Entities.SlideRole;

namespace TumorWeb.Web.Tests.Datasets;

/// <summary>The tumour-slide threshold chosen at registration decides the roles, stays with the dataset, and explains each role.</summary>
public sealed class DatasetThresholdTests : IAsyncLifetime
{
    private readonly DatasetTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ThresholdChosenAtRegistrationDecidesRolesAndIsKeptForRefresh()
    {
        SyntheticSlides.Write(_host.Folder("synth"), slides: 2, normal: 1, side: 2048);

        var dataset = await _host.Registry.RegisterAsync("tester", "synth", "", new GridOptions { TumorSlideThreshold = 1 });
        await _host.Registry.Scans.WaitAsync(dataset.Id);
        var (tumor, stored) = await TumorSlideAsync(dataset.Id);
        Assert.Equal(1, stored);
        Assert.Equal(SlideRole.Tumor, tumor.Role);
        Assert.Equal($"{tumor.TumorCells} tumour cells ≥ 1", SlideRoleReason.Describe(tumor, stored));

        Assert.True(await _host.Registry.RefreshAsync("tester", dataset.Id));
        await _host.Registry.Scans.WaitAsync(dataset.Id);
        Assert.Equal(SlideRole.Tumor, (await TumorSlideAsync(dataset.Id)).Slide.Role);
    }

    [Fact]
    public async Task RoleSetByAUserSaysSo()
    {
        SyntheticSlides.Write(_host.Folder("synth"), slides: 1, normal: 0, side: 2048);
        var dataset = await _host.Registry.RegisterAsync("tester", "synth", "", new GridOptions { TumorSlideThreshold = 1_000_000 });
        await _host.Registry.Scans.WaitAsync(dataset.Id);
        var (before, threshold) = await TumorSlideAsync(dataset.Id);
        Assert.Equal($"{before.TumorCells} tumour cells < 1000000", SlideRoleReason.Describe(before, threshold));

        Assert.True(await _host.Registry.SetRoleAsync("tester", dataset.Id, before.Id, SlideRole.Tumor));

        var (after, _) = await TumorSlideAsync(dataset.Id);
        Assert.Equal("set by a user", SlideRoleReason.Describe(after, threshold));
    }

    [Fact]
    public async Task NegativeThresholdIsRefusedAndNothingIsRegistered()
    {
        SyntheticSlides.Write(_host.Folder("synth"), slides: 1, normal: 0, side: 2048);

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Registry.RegisterAsync("tester", "synth", "", new GridOptions { TumorSlideThreshold = -1 }));

        Assert.Equal("tumor slide threshold must be 0 or more (got -1)", e.Message);
        await using var db = _host.Db();
        Assert.Empty(await db.Datasets.ToListAsync());
    }

    private async Task<(RegisteredSlide Slide, int Threshold)> TumorSlideAsync(int datasetId)
    {
        await using var db = _host.Db();
        var dataset = await db.Datasets.Include(d => d.Slides).SingleAsync(d => d.Id == datasetId);
        return (dataset.Slides.Single(s => s.Name == "tumor_001"), dataset.TumorSlideThreshold);
    }
}
