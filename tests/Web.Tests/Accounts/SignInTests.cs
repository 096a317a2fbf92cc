using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>The cookie sign-in through the real form: antiforgery, redirects, lockout, sign-out and the audit trail.</summary>
public sealed class SignInTests : TempAppTest
{
    private const string AdminPassword = "first admin passphrase";
    private BrowserLikeClient _browser = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["TumorWeb:Accounts:AdminPassword"] = AdminPassword };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _browser = new BrowserLikeClient(App);
    }

    public override async Task DisposeAsync()
    {
        _browser.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task TheRightPasswordSetsASessionCookieThatOpensPagesAndTheApi()
    {
        var response = await _browser.SignInAsync("admin", AdminPassword, returnUrl: "/datasets");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/datasets", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TumorWeb.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await _browser.Http.GetAsync("/datasets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _browser.Http.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordGoesBackToTheFormWithAnErrorAndNoCookie()
    {
        var response = await _browser.SignInAsync("admin", "not the password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?error=invalid", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("TumorWeb.Session=", StringComparison.Ordinal));
        var page = await _browser.Http.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Wrong user name or password, or the account is locked", page);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.Http.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task APostWithoutTheFormsAntiforgeryTokenIsRefused()
    {
        var response = await _browser.SubmitAsync("/account/login", "/account/signin",
            new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = AdminPassword }, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.Http.GetAsync("/api/jobs")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task AReturnAddressOnAnotherSiteLandsOnTheDashboardInstead(string returnUrl)
    {
        var response = await _browser.SignInAsync("admin", AdminPassword, returnUrl);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        for (var i = 0; i < 5; i++) await _browser.SignInAsync("admin", $"wrong guess {i}");

        var response = await _browser.SignInAsync("admin", AdminPassword);

        Assert.StartsWith("/account/login?error=invalid", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.Http.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionAndEverythingIsAudited()
    {
        await _browser.SignInAsync("admin", AdminPassword);
        await _browser.SignInAsync("nobody", "whatever password");

        var response = await _browser.SubmitAsync("/", "/account/signout", new Dictionary<string, string>());

        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.Http.GetAsync("/api/jobs")).StatusCode);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditEntries.OrderBy(e => e.Id).Select(e => new { e.UserName, e.Action }).ToListAsync();
        Assert.Equal(
            [("system", AuditActions.UserCreate), ("admin", AuditActions.SignIn), ("nobody", AuditActions.SignInFailed), ("admin", AuditActions.SignOut)],
            entries.Select(e => (e.UserName, e.Action)));
    }
}
