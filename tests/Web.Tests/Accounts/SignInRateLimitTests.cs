using System.Net;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>One address gets a fixed number of sign-in attempts per minute, whatever the user names it tries.</summary>
public sealed class SignInRateLimitTests : TempAppTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["TumorWeb:Accounts:AdminPassword"] = "first admin passphrase",
        ["TumorWeb:Accounts:SignInAttemptsPerMinute"] = "4",
    };

    [Fact]
    public async Task AttemptsBeyondTheLimitGet429AndDoNotReachTheUserStore()
    {
        using var browser = new BrowserLikeClient(App);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await browser.SignInAsync($"user{i}", "some password guess")).StatusCode);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var rightPassword = await browser.SignInAsync("admin", "first admin passphrase");
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
    }
}
