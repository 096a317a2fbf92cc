using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>
/// A caller on the app's own machine (loopback) sending X-Forwarded-* headers, with no proxy listed in
/// TumorWeb:KnownProxies: the headers must change nothing.
/// </summary>
public sealed class ForwardedHeaderTests : TempAppTest
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new FromLoopback());

    [Fact]
    public async Task ALoopbackCallerRotatingXForwardedForStillHitsTheSignInLimit()
    {
        using var guesser = new BrowserLikeClient(App);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            guesser.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            guesser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await guesser.SignInAsync("admin", $"guess {i} of many")).StatusCode);
        }

        Assert.All(statuses[..10], s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task XForwardedHostAndProtoDoNotChangeACreatedShareUrl()
    {
        using var operatorClient = App.CreateClientAs(LabRoles.Operator);
        operatorClient.DefaultRequestHeaders.Add("X-Forwarded-Host", "phish.example");
        operatorClient.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var url = await SeededShares.CreateAsync(App, operatorClient);

        Assert.StartsWith("http://localhost/share/s_", url);
    }
}
