using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Components.Pages.Account;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Tests.Admin;

/// <summary>The "My API tokens" page: the secret is shown once, then only its prefix; revoking; only one's own tokens.</summary>
public sealed class TokensPageTests : IAsyncDisposable
{
    private readonly AccountsTestContext _context = new();

    [Fact]
    public async Task TheSecretIsShownOnceAfterCreateAndAfterwardsOnlyThePrefix()
    {
        var userId = await _context.SignInAsStoredUserAsync(LabRoles.Viewer);
        var page = _context.Render<Tokens>();

        page.Find(".tw-token-name input").Input("nightly report");
        page.Find(".tw-create-token").Click();
        var secret = page.WaitForElement(".tw-new-token").TextContent.Trim();
        Assert.Contains("shown only this once", page.Find(".tw-new-token-panel").TextContent);
        page.Find(".tw-token-done").Click();
        var reopened = _context.Render<Tokens>();

        await using var db = await _context.Db.CreateDbContextAsync();
        var row = await db.ApiTokens.AsNoTracking().SingleAsync();
        Assert.Equal((userId, "nightly report", Secrets.Hash(secret)), (row.UserId, row.Name, row.Hash));
        Assert.StartsWith("tw_", secret);
        foreach (var markup in new[] { page.Markup, reopened.Markup })
        {
            Assert.DoesNotContain(secret, markup);
            Assert.Equal($"{secret[..10]}…", reopened.Find(".tw-token-prefix").TextContent.Trim());
        }
        Assert.Equal("nightly report", page.Find(".tw-token-row-name").TextContent.Trim());
    }

    [Fact]
    public async Task RevokingAsksFirstThenMarksTheTokenRevoked()
    {
        var userId = await _context.SignInAsStoredUserAsync(LabRoles.Operator);
        var created = await CreateTokenAsync(userId, "grafana");
        var page = _context.Render<Tokens>();

        page.Find(".tw-revoke-token").Click();
        _context.Dialogs.WaitForAssertion(() => Assert.Contains("Revoke \"grafana\"", _context.Dialogs.Markup));
        _context.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".tw-token-revoked")));
        Assert.Empty(page.FindAll(".tw-revoke-token"));
        await using var scope = _context.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ApiTokens>().FindUserAsync(created.Secret));
    }

    [Fact]
    public async Task OnlyTheSignedInUsersOwnTokensAreListed()
    {
        var userId = await _context.SignInAsStoredUserAsync(LabRoles.Viewer);
        var otherId = await _context.CreateUserAsync("olga", LabRoles.Operator);
        await CreateTokenAsync(userId, "mine");
        await CreateTokenAsync(otherId, "olgas script");

        var page = _context.Render<Tokens>();

        Assert.Equal(["mine"], page.FindAll(".tw-token-row-name").Select(c => c.TextContent.Trim()));
    }

    private async Task<CreatedApiToken> CreateTokenAsync(string userId, string name)
    {
        await using var scope = _context.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(AuditActions.System, userId, name);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
