using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Cluster.Engine;
using TumorWeb.Web.Hosting;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>Hangfire's dashboard at /admin/jobs in cluster mode: for signed-in Admins only, under the app's own sign-in and headers.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ClusterDashboardTests(PostgresFixture postgres) : IDisposable
{
    private const string Dashboard = ClusterEngineServiceCollectionExtensions.DashboardPath;
    private readonly TempDirectory _data = new("tumorweb-dashboard-");

    [SkippableFact]
    public async Task AnAdminSignedInWithTheAppsCookieSeesTheDashboardAndItsScriptsUnderTheAppsContentSecurityPolicy()
    {
        await using var app = await StartAsync();
        app.TokenFor(LabRoles.Admin);
        using var admin = new BrowserLikeClient(app);
        await admin.SignInAsync($"test-{LabRoles.Admin.ToLowerInvariant()}", SignedInClients.Password);

        var page = await admin.Http.GetAsync(Dashboard);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("TumorWeb jobs", html);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        // The policy allows no inline script: every script of the page must come from a file of the app.
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Matches("src=\"/admin/jobs/", tag));
        foreach (var src in scripts.Select(tag => ScriptSource().Match(tag).Groups[1].Value))
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(WebUtility.HtmlDecode(src))).StatusCode);
    }

    [SkippableFact]
    public async Task AnOperatorIsRefusedAndSomeoneNotSignedInIsSentToTheSignIn()
    {
        await using var app = await StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(LabRoles.Operator).GetAsync(Dashboard)).StatusCode);
        using var operatorBrowser = new BrowserLikeClient(app);
        await operatorBrowser.SignInAsync($"test-{LabRoles.Operator.ToLowerInvariant()}", SignedInClients.Password);
        var refused = await operatorBrowser.Http.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString);

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Dashboard)).StatusCode);
        using var anonymousBrowser = new BrowserLikeClient(app);
        var toSignIn = await anonymousBrowser.Http.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.Contains("/account/login", toSignIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Dashboard}/stats")).StatusCode);
    }

    private async Task<TumorWebFactory> StartAsync()
    {
        var app = new TumorWebFactory(_data.Path, settings: new Dictionary<string, string>
        {
            [AppDatabase.ClusterKey] = await postgres.NewDatabaseAsync(),
            ["TumorWeb:Cluster:RunJobs"] = "false",
        }, environment: "Production");
        _ = app.Services;
        return app;
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    public void Dispose() => _data.Dispose();
}
