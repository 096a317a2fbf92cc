using Bunit;
using TumorWeb.Web.Components.Pages.Datasets;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Components;

namespace TumorWeb.Web.Tests.Datasets;

public sealed class DatasetListPageTests : ComponentTestContext, IAsyncLifetime
{
    private readonly DatasetTestHost _host = new();

    public DatasetListPageTests() => _host.AddTo(Services);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public void FolderOutsideTheRootsIsRefusedOnThePageWithTheReason()
    {
        var page = Render<DatasetList>();
        Assert.Contains(_host.Root, page.Find(".data-root").TextContent);

        page.Find(".register-folder input").Change("../../etc");
        page.Find("button.register-button").Click();

        page.WaitForAssertion(() => Assert.Contains("../../etc: is outside the data roots", page.Find(".register-error").TextContent));
    }

    [Fact]
    public async Task AViewerSeesTheDatasetsButNoRegisterFormRefreshOrDelete()
    {
        SyntheticSlides.Write(_host.Folder("seen"), slides: 1, normal: 0, side: 1024);
        var dataset = await _host.Registry.RegisterAsync("tester", "seen", "Seen");
        await _host.Registry.Scans.WaitAsync(dataset.Id);
        this.SignInAs(LabRoles.Viewer);

        var page = Render<DatasetList>();

        page.WaitForAssertion(() => Assert.Contains("Seen", page.Markup));
        Assert.Empty(page.FindAll("button.register-button"));
        Assert.Empty(page.FindAll("button[title='Remove from TumorWeb (files stay)']"));
        Assert.Contains("an Operator or Admin registers datasets", page.Markup);
    }

    [Fact]
    public async Task RegisteredDatasetIsListedWithItsSlideCounts()
    {
        SyntheticSlides.Write(_host.Folder("listed"), slides: 2, normal: 1, side: 1024);
        var dataset = await _host.Registry.RegisterAsync("tester", "listed", "Listed", new Pipeline.Grid.GridOptions { TumorSlideThreshold = 1 });
        await _host.Registry.Scans.WaitAsync(dataset.Id);

        var page = Render<DatasetList>();

        page.WaitForAssertion(() =>
        {
            var cells = page.FindAll(".datasets-table tbody tr td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal(["Listed", Path.Combine(_host.Root, "listed"), "2", "1", "1", "0", "Ready"], cells.Take(7));
        });
        Assert.Single(page.FindAll("button[title='Remove from TumorWeb (files stay)']"));
        Assert.Single(page.FindAll("button.register-button"));
    }
}
