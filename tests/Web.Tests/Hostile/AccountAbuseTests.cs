using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Admin;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>Probes of the running app's accounts: lockouts that switch off others' tokens, tokens that mint tokens, unbounded text.</summary>
public sealed class AccountAbuseTests : AccountsAppTest
{
    private async Task<int> AuditCountAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.CountAsync();
    }

    [Fact]
    public async Task FiveWrongPasswordsByAStrangerDoNotSwitchOffTheUsersTokenOrSession()
    {
        await CreateUserAsync("olga", LabRoles.Operator);
        var session = await SignInWithPasswordAsync("olga");
        using var token = BearerClient((await CreateTokenAsync(session, "nightly report")).Token);

        using var stranger = new BrowserLikeClient(App);
        for (var i = 0; i < 5; i++) await stranger.SignInAsync("olga", "not her password at all");
        var locked = await stranger.SignInAsync("olga", Password);
        Assert.Contains("error=invalid", locked.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/datasets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/datasets")).StatusCode);
    }

    [Fact]
    public async Task AnApiTokenCannotCreateAnotherToken()
    {
        var response = await Admin.PostAsJsonAsync("/api/tokens", new NewTokenRequest("child"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("an API token cannot create API tokens", await ProblemDetailOf(response));
    }

    [Fact]
    public async Task AHugeUserNameAtSignInIsRefusedAndNotWrittenToTheAuditLog()
    {
        var before = await AuditCountAsync();
        using var browser = new BrowserLikeClient(App);

        var response = await browser.SignInAsync(new string('a', 100_000), "whatever password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task OverlongNamesAreRefusedWithTheLimitAndNothingIsStored()
    {
        var session = await SignInWithPasswordAsync((await CreateUserAsync("olga", LabRoles.Operator)).UserName);
        var before = await AuditCountAsync();

        var token = await session.PostAsJsonAsync("/api/tokens", new NewTokenRequest(new string('t', 101)));
        var user = await Admin.PostAsJsonAsync("/api/users", new NewUserRequest(new string('u', 65), Password, LabRoles.Viewer));
        var dataset = await Admin.PostAsJsonAsync("/api/datasets", new { folder = "x", name = new string('d', 1025) });
        var root = await Admin.PostAsJsonAsync("/api/roots", new { path = "/" + new string('r', 1024) });

        Assert.Equal("the token name is 101 characters long; at most 100 are allowed", await ProblemDetailOf(token));
        Assert.Equal("the user name is 65 characters long; at most 64 are allowed", await ProblemDetailOf(user));
        Assert.Equal("the dataset name is 1,025 characters long; at most 1,024 are allowed", await ProblemDetailOf(dataset));
        Assert.Equal("the folder is 1,025 characters long; at most 1,024 are allowed", await ProblemDetailOf(root));
        Assert.All(new[] { token, user, dataset, root }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task AnApiBodyOverTheCapIsRefusedUnreadAndJsonAnswersAreNotCached()
    {
        var huge = new StringContent("{\"name\":\"" + new string('x', 5 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await Admin.PostAsync("/api/datasets", huge);
        var listing = await Admin.GetAsync("/api/datasets");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("no-store", listing.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AnUnknownUserAndAWrongPasswordGetTheSameAnswerAfterTheSameFloorOfTime()
    {
        await CreateUserAsync("olga", LabRoles.Operator);
        using var browser = new BrowserLikeClient(App);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var unknown = await browser.SignInAsync("nobody-here", "some password");
        var unknownTime = clock.Elapsed;
        clock.Restart();
        var wrong = await browser.SignInAsync("olga", "not her password at all");
        var wrongTime = clock.Elapsed;

        Assert.Equal(unknown.Headers.Location, wrong.Headers.Location);
        Assert.True(unknownTime >= AccountEndpoints.FailedSignInDuration, $"unknown user answered after {unknownTime.TotalMilliseconds} ms");
        Assert.True(wrongTime >= AccountEndpoints.FailedSignInDuration, $"wrong password answered after {wrongTime.TotalMilliseconds} ms");
    }
}
