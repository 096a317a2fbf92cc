using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TumorWeb.Web.Components.Pages.Admin;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Components;

namespace TumorWeb.Web.Tests.Admin;

/// <summary>The users page over the real account store: what an admin sees and changes, and what it refuses to anyone else.</summary>
public sealed class UsersPageTests : IAsyncDisposable
{
    private readonly AccountsTestContext _context = new();

    [Fact]
    public async Task AnAdminSeesTheUsersAndCreatesAnOperator()
    {
        await _context.SignInAsStoredUserAsync(LabRoles.Admin);
        await _context.CreateUserAsync("olga", LabRoles.Operator);
        var page = _context.Render<Users>();

        page.Find(".tw-new-user-name input").Input("nina");
        page.Find(".tw-new-user-password input").Input("a long enough passphrase");
        var role = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Class == "tw-new-user-role");
        await page.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(LabRoles.Operator));
        page.Find(".tw-create-user").Click();

        page.WaitForAssertion(() => Assert.Equal(["nina", "olga", "tester (you)"], UserNamesShown(page)));
        Assert.Contains(new UserSummary((await _context.FindUserAsync("nina"))!.Id, "nina", LabRoles.Operator, false), await _context.UsersAsync());
        Assert.Empty(page.FindAll(".tw-account-error"));
        Assert.Equal("User \"nina\" created with role Operator; give them their password.", page.Find(".tw-account-created").TextContent.Trim());
    }

    [Fact]
    public async Task TooShortAPasswordIsShownInlineAndNobodyIsCreated()
    {
        await _context.SignInAsStoredUserAsync(LabRoles.Admin);
        var page = _context.Render<Users>();

        page.Find(".tw-new-user-name input").Input("nina");
        page.Find(".tw-new-user-password input").Input("short");
        page.Find(".tw-create-user").Click();

        page.WaitForAssertion(() => Assert.Equal("user \"nina\" cannot be created: Passwords must be at least 10 characters.",
            page.Find(".tw-account-error").TextContent.Trim()));
        Assert.Null(await _context.FindUserAsync("nina"));
    }

    [Fact]
    public async Task DisablingTheLastAdminIsRefusedInline()
    {
        await _context.SignInAsStoredUserAsync(LabRoles.Admin);
        var page = _context.Render<Users>();

        RowOf(page, "tester").QuerySelector(".tw-toggle-disabled")!.Click();

        page.WaitForAssertion(() => Assert.Equal("user \"tester\" is the last active admin; make another admin first",
            page.Find(".tw-account-error").TextContent.Trim()));
        Assert.False(Assert.Single(await _context.UsersAsync()).Disabled);
    }

    [Fact]
    public async Task AnAdminDisablesChangesTheRoleOfAndSetsAPasswordForAUser()
    {
        await _context.SignInAsStoredUserAsync(LabRoles.Admin);
        var olgaId = await _context.CreateUserAsync("olga", LabRoles.Viewer);
        var page = _context.Render<Users>();

        RowOf(page, "olga").QuerySelector(".tw-toggle-disabled")!.Click();
        page.WaitForAssertion(() => Assert.NotNull(RowOf(page, "olga").QuerySelector(".tw-user-disabled")));
        var roleSelects = page.FindComponents<MudSelect<string>>().Where(s => s.Instance.Class == "tw-user-role").ToList();
        var olgaRole = roleSelects[UserNamesShown(page).IndexOf("olga")];
        await page.InvokeAsync(() => olgaRole.Instance.ValueChanged.InvokeAsync(LabRoles.Operator));
        RowOf(page, "olga").QuerySelector(".tw-open-password")!.Click();
        page.WaitForElement(".tw-reset-password input").Input("a brand new passphrase");
        page.Find(".tw-set-password").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".tw-password-panel")));
        Assert.Contains(new UserSummary(olgaId, "olga", LabRoles.Operator, true), await _context.UsersAsync());
        Assert.True(await PasswordMatchesAsync("olga", "a brand new passphrase"));
    }

    [Fact]
    public async Task DeleteAsksFirstAndRemovesTheUserOnlyWhenConfirmed()
    {
        await _context.SignInAsStoredUserAsync(LabRoles.Admin);
        await _context.CreateUserAsync("olga", LabRoles.Viewer);
        var page = _context.Render<Users>();

        RowOf(page, "olga").QuerySelector(".tw-delete-user")!.Click();
        _context.Dialogs.WaitForAssertion(() => Assert.Contains("Delete user \"olga\"?", _context.Dialogs.Markup));
        Assert.NotNull(await _context.FindUserAsync("olga"));
        _context.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal(["tester (you)"], UserNamesShown(page)));
        Assert.Null(await _context.FindUserAsync("olga"));
    }

    [Theory]
    [InlineData(LabRoles.Viewer)]
    [InlineData(LabRoles.Operator)]
    public async Task ANonAdminRenderingThePageGetsARefusalAndNoUsers(string role)
    {
        await _context.SignInAsStoredUserAsync(role);
        await _context.CreateUserAsync("olga", LabRoles.Admin);

        var page = _context.Render<Users>();

        Assert.Equal(AuthenticationStates.AdminRefusal, page.Find(".tw-refusal").TextContent.Trim());
        Assert.DoesNotContain("olga", page.Markup);
        Assert.Empty(page.FindAll(".tw-create-user"));
    }

    [Fact]
    public async Task AnAdminDemotedWhileThePageIsOpenIsRefusedByTheServer()
    {
        await _context.SignInAsStoredUserAsync(LabRoles.Admin);
        var page = _context.Render<Users>();
        _context.SignInAs(LabRoles.Operator);

        page.Find(".tw-new-user-name input").Input("nina");
        page.Find(".tw-new-user-password input").Input("a long enough passphrase");
        page.Find(".tw-create-user").Click();

        page.WaitForAssertion(() => Assert.Equal(AuthenticationStates.AdminRefusal, page.Find(".tw-account-error").TextContent.Trim()));
        Assert.Null(await _context.FindUserAsync("nina"));
    }

    private static List<string> UserNamesShown(IRenderedComponent<Users> page) =>
        page.FindAll(".tw-user-name").Select(c => c.TextContent.Trim()).ToList();

    private static IElement RowOf(IRenderedComponent<Users> page, string userName) =>
        page.FindAll(".tw-users-table tbody tr").Single(r => r.QuerySelector(".tw-user-name")!.TextContent.Trim().StartsWith(userName, StringComparison.Ordinal));

    private async Task<bool> PasswordMatchesAsync(string userName, string password)
    {
        await using var scope = _context.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
