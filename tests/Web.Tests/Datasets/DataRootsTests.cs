using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Datasets;

/// <summary>Admins add data roots in the app: datasets can then be registered there; a root with datasets stays.</summary>
public sealed class DataRootsTests : TempAppTest
{
    private string Store => Path.Combine(Work, "slide-store");

    public override Task InitializeAsync()
    {
        SyntheticSlides.Write(Directory.CreateDirectory(Path.Combine(Store, "batch1")).FullName, slides: 1, normal: 0, side: 1024);
        return base.InitializeAsync();
    }

    [Fact]
    public async Task AnAddedRootTakesDatasetsAndCannotBeRemovedWhileItHoldsOne()
    {
        using var admin = App.CreateClientAs(LabRoles.Admin);
        using var operatorClient = App.CreateClientAs(LabRoles.Operator);
        var folder = Path.Combine(Store, "batch1");

        var outside = await operatorClient.PostAsJsonAsync("/api/datasets", new { folder, name = "batch1" });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("outside the data roots", await outside.Content.ReadAsStringAsync());

        var added = await admin.PostAsJsonAsync("/api/roots", new { path = Store + "/" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var rootId = (int)JsonNode.Parse(await added.Content.ReadAsStringAsync())!["id"]!;
        var registered = await operatorClient.PostAsJsonAsync("/api/datasets", new { folder, name = "batch1" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var datasetId = (int)JsonNode.Parse(await registered.Content.ReadAsStringAsync())!["id"]!;

        var refused = await admin.DeleteAsync($"/api/roots/{rootId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"holds datasets {datasetId} \\\"batch1\\\"", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/api/datasets/{datasetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/roots/{rootId}")).StatusCode);
        var again = await operatorClient.PostAsJsonAsync("/api/datasets", new { folder, name = "batch1" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var audit = await admin.GetFromJsonAsync<List<AuditEntryView>>("/api/audit?user=test-admin");
        Assert.Equal([AuditActions.RootRemove, AuditActions.RootAdd], audit!.Where(e => e.Action.StartsWith("root.", StringComparison.Ordinal)).Select(e => e.Action));
        var operatorAudit = await admin.GetFromJsonAsync<List<AuditEntryView>>("/api/audit?user=test-operator");
        Assert.Equal([(AuditActions.DatasetDelete, $"dataset {datasetId}"), (AuditActions.DatasetRegister, $"dataset {datasetId}")],
            operatorAudit!.Select(e => (e.Action, e.Target)));
    }

    [Theory]
    [InlineData("relative/folder", "must be an absolute path")]
    [InlineData("/no/such/folder/anywhere", "folder not found")]
    [InlineData("/", "the whole file system cannot be a data root")]
    public async Task ABadRootIsRefusedWithTheReason(string path, string reason)
    {
        using var admin = App.CreateClientAs(LabRoles.Admin);

        var response = await admin.PostAsJsonAsync("/api/roots", new { path });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFolderInsideAnExistingRootIsNotASecondRoot()
    {
        using var admin = App.CreateClientAs(LabRoles.Admin);
        var inside = Directory.CreateDirectory(Path.Combine(DataDirectory, "more")).FullName;

        var response = await admin.PostAsJsonAsync("/api/roots", new { path = inside });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"is already inside the data root {DataDirectory}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddedRootsSurviveARestart()
    {
        using (var admin = App.CreateClientAs(LabRoles.Admin))
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/roots", new { path = Store })).StatusCode);
        await RestartAsync();

        using var operatorClient = App.CreateClientAs(LabRoles.Operator);
        var registered = await operatorClient.PostAsJsonAsync("/api/datasets", new { folder = Path.Combine(Store, "batch1"), name = "batch1" });

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Contains(Store, App.Services.GetRequiredService<DatasetRoots>().Added);
    }

    [Fact]
    public async Task OnlyAdminsSeeOrChangeRoots()
    {
        using var operatorClient = App.CreateClientAs(LabRoles.Operator);

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/roots")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/roots", new { path = Store })).StatusCode);
    }
}
