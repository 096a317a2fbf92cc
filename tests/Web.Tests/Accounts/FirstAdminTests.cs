using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>A first start has no default password: the admin comes from a configured password or a one-time set-up link.</summary>
public sealed class FirstAdminTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-firstadmin-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AConfiguredPasswordCreatesTheAdminAndNoSetupLink()
    {
        await using var app = new TumorWebFactory(_data, settings: new Dictionary<string, string>
        {
            ["TumorWeb:Accounts:AdminUserName"] = "labadmin",
            ["TumorWeb:Accounts:AdminPassword"] = "configured passphrase",
        });
        using var browser = new BrowserLikeClient(app);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("labadmin", "configured passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/audit")).StatusCode);
        Assert.False(app.Services.GetRequiredService<SetupLink>().IsOpen);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.Equal([LabRoles.Admin], await users.GetRolesAsync((await users.FindByNameAsync("labadmin"))!));
    }

    [Fact]
    public async Task OnAFreshInstallTheSignInPageSaysWhereTheSetupLinkIsAndStopsOnceThereIsAUser()
    {
        await using var app = new TumorWebFactory(_data);
        using var browser = new BrowserLikeClient(app);

        var fresh = await browser.Http.GetStringAsync("/account/login");
        Assert.Contains("printed a one-time set-up link on its console", fresh);

        var secret = app.Services.GetRequiredService<SetupLink>().Open();
        await browser.SubmitAsync($"/account/setup?token={secret}", "/account/setup", Fields(secret, "chosen passphrase"));
        using var later = new BrowserLikeClient(app);
        Assert.DoesNotContain("set-up link", await later.Http.GetStringAsync("/account/login"));
    }

    [Fact]
    public async Task WithoutAPasswordTheSetupLinkCreatesTheAdminOnceAndSignsThemIn()
    {
        await using var app = new TumorWebFactory(_data);
        using var browser = new BrowserLikeClient(app);
        var link = app.Services.GetRequiredService<SetupLink>();
        Assert.True(link.IsOpen);
        // The secret printed on the console is known only to whoever reads it; a fresh one replaces it here.
        var secret = link.Open();

        var wrong = await browser.Http.GetStringAsync("/account/setup?token=setup_wrong");
        Assert.Contains("This set-up link is not valid", wrong);
        var created = await browser.SubmitAsync($"/account/setup?token={secret}", "/account/setup", Fields(secret, "chosen passphrase"));

        Assert.Equal("/", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/audit")).StatusCode);
        Assert.False(link.IsOpen);
        using var other = new BrowserLikeClient(app);
        // Used links show no form; the antiforgery token of any page of the app is valid for the post.
        var again = await other.SubmitAsync("/account/login", "/account/setup",
            new Dictionary<string, string>(Fields(secret, "another passphrase")) { ["UserName"] = "intruder" });
        Assert.Equal("/account/setup?error=expired", again.Headers.Location!.OriginalString);
        Assert.Equal("/", (await other.SignInAsync("admin", "chosen passphrase")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task ASetupWithMismatchedOrShortPasswordsCreatesNobody()
    {
        await using var app = new TumorWebFactory(_data);
        using var browser = new BrowserLikeClient(app);
        var secret = app.Services.GetRequiredService<SetupLink>().Open();

        var mismatch = await browser.SubmitAsync($"/account/setup?token={secret}", "/account/setup",
            new Dictionary<string, string>(Fields(secret, "chosen passphrase")) { ["ConfirmPassword"] = "other passphrase" });
        var tooShort = await browser.SubmitAsync($"/account/setup?token={secret}", "/account/setup", Fields(secret, "short"));

        Assert.EndsWith("error=mismatch", mismatch.Headers.Location!.OriginalString);
        Assert.Contains("at%20least%2010%20characters", tooShort.Headers.Location!.OriginalString);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<UserAccounts>().AnyAsync());
        Assert.True(app.Services.GetRequiredService<SetupLink>().IsOpen);
    }

    private static Dictionary<string, string> Fields(string secret, string password) => new()
    {
        ["Token"] = secret,
        ["UserName"] = "admin",
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };
}
