using System.Net;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>One address gets a fixed number of sign-in attempts per minute, whatever the user names it tries.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-ratelimit-").FullName;
    private TumorWebFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new TumorWebFactory(_data, settings: new Dictionary<string, string>
        {
            ["TumorWeb:Accounts:AdminPassword"] = "first admin passphrase",
            ["TumorWeb:Accounts:SignInAttemptsPerMinute"] = "4",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AttemptsBeyondTheLimitGet429AndDoNotReachTheUserStore()
    {
        using var browser = new BrowserLikeClient(_app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await browser.SignInAsync($"user{i}", "some password guess")).StatusCode);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var rightPassword = await browser.SignInAsync("admin", "first admin passphrase");
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
    }
}
