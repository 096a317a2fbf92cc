using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>
/// Behind a reverse proxy on the same machine every request comes from loopback; with that proxy listed
/// in TumorWeb:KnownProxies the sign-in limit counts each client's own address (X-Forwarded-For), or one
/// guesser would lock everyone out.
/// </summary>
public sealed class ProxiedSignInRateLimitTests : TempAppTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["TumorWeb:Accounts:SignInAttemptsPerMinute"] = "3",
        ["TumorWeb:KnownProxies:0"] = "10.0.0.0/8",
        ["TumorWeb:KnownProxies:1"] = "127.0.0.1",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new FromLoopback());

    [Fact]
    public async Task EachForwardedClientAddressHasItsOwnSignInLimit()
    {
        using var guesser = new BrowserLikeClient(App);
        guesser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        using var colleague = new BrowserLikeClient(App);
        colleague.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) guesses.Add((await guesser.SignInAsync("admin", $"guess {i} of many")).StatusCode);
        var colleagueTry = await colleague.SignInAsync("someone", "a wrong password too");

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.Redirect, colleagueTry.StatusCode);
    }
}
