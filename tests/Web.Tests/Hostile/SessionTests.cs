using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Admin;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>Sessions live on the server: a copied cookie dies with sign-out, and a restart keeps the living ones.</summary>
public sealed class SessionTests : AccountsAppTest
{
    private HttpClient WithCookie(string cookie)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<(BrowserLikeClient Browser, string Cookie)> SignedInAsync()
    {
        await CreateUserAsync("olga", LabRoles.Operator);
        var browser = new BrowserLikeClient(App);
        var response = await browser.SignInAsync("olga", Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TumorWeb.Session=", StringComparison.Ordinal));
        return (browser, cookie.Split(';')[0]);
    }

    [Fact]
    public async Task ACopyOfTheCookieIsDeadOnceItsSessionSignsOut()
    {
        var (browser, cookie) = await SignedInAsync();
        using var copy = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/jobs")).StatusCode);

        await browser.SubmitAsync("/", "/account/signout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/jobs")).StatusCode);
        browser.Dispose();
    }

    [Fact]
    public async Task TheCookieHoldsOnlyAKeyAndTheSessionSurvivesARestart()
    {
        var (browser, cookie) = await SignedInAsync();
        browser.Dispose();
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync())
            Assert.Single(await db.UserSessions.ToListAsync());

        await RestartAsync();

        using var again = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/jobs")).StatusCode);
    }
}
