using Bunit;
using TumorWeb.Web.Components.Pages.Admin;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Tests.Components;

namespace TumorWeb.Web.Tests.Datasets;

public sealed class DataRootsPageTests : ComponentTestContext, IAsyncLifetime
{
    private readonly DatasetTestHost _host = new();

    public DataRootsPageTests() => _host.AddTo(Services);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public void AnAdminAddsARootThatTheRegistryThenAllows()
    {
        this.SignInAs(LabRoles.Admin);
        var store = Directory.CreateDirectory(Path.Combine(_host.Work, "store")).FullName;
        var page = Render<DataRoots>();

        page.Find(".tw-root-folder input").Change(store);
        page.Find("button.tw-root-add").Click();

        page.WaitForAssertion(() => Assert.Contains(store, page.Find(".tw-roots-table").TextContent));
        Assert.Contains("added by tester", page.Find(".tw-roots-table").TextContent);
        Assert.Contains(store, Services.GetService<DatasetRoots>()!.Allowed);
    }

    [Fact]
    public void ARefusedRootShowsTheReasonAndAddsNothing()
    {
        this.SignInAs(LabRoles.Admin);
        var page = Render<DataRoots>();

        page.Find(".tw-root-folder input").Change(_host.Root);
        page.Find("button.tw-root-add").Click();

        page.WaitForAssertion(() => Assert.Contains($"is already inside the data root {_host.Root}", page.Find(".tw-root-error").TextContent));
        Assert.Empty(page.FindAll("button.tw-root-remove"));
    }

    [Fact]
    public void AnOperatorIsRefusedAndSeesNoRoots()
    {
        var page = Render<DataRoots>();

        Assert.Contains(AuthenticationStates.AdminRefusal, page.Markup);
        Assert.Empty(page.FindAll(".tw-roots-table"));
    }
}
