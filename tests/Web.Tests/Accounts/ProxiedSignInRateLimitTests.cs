using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>
/// Behind a reverse proxy on the same machine every request comes from loopback; the sign-in limit
/// must still count each client's own address (X-Forwarded-For), or one guesser would lock everyone out.
/// </summary>
public sealed class ProxiedSignInRateLimitTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-proxy-").FullName;
    private TumorWebFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new TumorWebFactory(_data,
            services: s => s.AddSingleton<IStartupFilter>(new FromLoopbackProxy()),
            settings: new Dictionary<string, string> { ["TumorWeb:Accounts:SignInAttemptsPerMinute"] = "3" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task EachForwardedClientAddressHasItsOwnSignInLimit()
    {
        using var guesser = new BrowserLikeClient(_app);
        guesser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        using var colleague = new BrowserLikeClient(_app);
        colleague.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) guesses.Add((await guesser.SignInAsync("admin", $"guess {i} of many")).StatusCode);
        var colleagueTry = await colleague.SignInAsync("someone", "a wrong password too");

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.Redirect, colleagueTry.StatusCode);
    }

    /// <summary>The test server has no socket; this makes every request arrive from a proxy on 127.0.0.1.</summary>
    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
