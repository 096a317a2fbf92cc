using System.Net;
using System.Net.Http.Json;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>The server refuses what a role may not do, whatever the client shows.</summary>
public sealed class RoleEndpointTests : TempAppTest
{
    [Theory]
    [InlineData("POST", "/api/jobs/extraction")]
    [InlineData("POST", "/api/jobs/training")]
    [InlineData("POST", "/api/jobs/evaluation")]
    [InlineData("POST", "/api/jobs/1/cancel")]
    [InlineData("POST", "/api/jobs/1/resume")]
    [InlineData("POST", "/api/datasets")]
    [InlineData("POST", "/api/datasets/1/refresh")]
    [InlineData("PATCH", "/api/datasets/1/slides/1")]
    [InlineData("DELETE", "/api/datasets/1")]
    [InlineData("GET", "/api/audit")]
    public async Task AViewerIsRefusedEveryChangeAndTheAuditLog(string method, string url)
    {
        using var viewer = App.CreateClientAs(LabRoles.Viewer);

        var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/jobs")]
    [InlineData("/api/datasets")]
    [InlineData("/api/evaluations")]
    [InlineData("/api/training")]
    [InlineData("/")]
    public async Task AViewerReadsEverything(string url)
    {
        using var viewer = App.CreateClientAs(LabRoles.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AnOperatorMayStartJobsButNotReadTheAuditLog()
    {
        using var operatorClient = App.CreateClientAs(LabRoles.Operator);

        var start = await operatorClient.PostAsJsonAsync("/api/jobs/extraction", new { datasetId = 999 });
        var audit = await operatorClient.GetAsync("/api/audit");

        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Contains("dataset 999", await start.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
    }

    [Fact]
    public async Task AnUnknownOrMangledTokenIs401NotAnAnonymousRead()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", App.TokenFor(LabRoles.Admin) + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/jobs")).StatusCode);
    }
}
