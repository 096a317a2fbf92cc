using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>Without signing in, nothing but the sign-in page and the styles and scripts it needs is served.</summary>
public sealed class AnonymousAccessTests : TempAppTest
{
    private BrowserLikeClient _browser = null!;
    private HttpClient _script = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _browser = new BrowserLikeClient(App);
        _script = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public override async Task DisposeAsync()
    {
        _browser.Dispose();
        _script.Dispose();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/jobs")]
    [InlineData("/api/datasets")]
    [InlineData("/api/evaluations/1")]
    [InlineData("/api/audit")]
    [InlineData("/thumbnails/1")]
    [InlineData("/slides/1/dzi.dzi")]
    [InlineData("/slides/1/dzi_files/0/0_0.jpeg")]
    [InlineData("/slides/1/overlays/tissue.png")]
    public async Task ApiTilesAndImagesAnswer401(string url)
    {
        var response = await _script.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("/hubs/runs/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task TheRunsHubAndTheInteractiveCircuitRefuseToConnect(string url)
    {
        var response = await _script.PostAsync(url, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostingAJobWithoutSigningInChangesNothing()
    {
        var response = await _script.PostAsync("/api/jobs/extraction", new StringContent("{\"datasetId\":1}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = await App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.TumorWebDbContext>>().CreateDbContextAsync();
        Assert.Empty(db.Jobs);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/datasets")]
    [InlineData("/evaluations/3")]
    [InlineData("/admin/users")]
    public async Task APageSendsThePersonToSignInAndBackAfterwards(string url)
    {
        var response = await _browser.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/css/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/favicon.svg")]
    public async Task TheSignInPageAndItsAssetsArePublic(string url)
    {
        var response = await _browser.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheSignInPageIsAFormWithAnAntiforgeryToken()
    {
        var html = await _browser.Http.GetStringAsync("/account/login");

        Assert.Contains("action=\"account/signin\"", html);
        Assert.NotEmpty(BrowserLikeClient.AntiforgeryToken(html));
        Assert.Contains("type=\"password\"", html);
    }
}
