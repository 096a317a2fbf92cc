using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Components;

namespace TumorWeb.Web.Tests.Admin;

/// <summary>
/// bUnit for the account pages over the real account store (Identity, API tokens, audit log) in a
/// migrated SQLite file. The signed-in "tester" is a real user whose role the test picks.
/// </summary>
public sealed class AccountsTestContext : ComponentTestContext
{
    public const string Password = "correct horse battery staple";
    private readonly string _directory = Directory.CreateTempSubdirectory("tumorweb-admin-ui-").FullName;

    public AccountsTestContext()
    {
        Services.AddLogging();
        Services.AddData($"Data Source={Path.Combine(_directory, "tumorweb.db")}");
        Services.AddAccountStore();
        using var db = Db.CreateDbContext();
        db.MigrateAsync().GetAwaiter().GetResult();
        // Selects and the confirm dialog render through these providers, as in MainLayout.
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
    }

    public IRenderedComponent<MudDialogProvider> Dialogs { get; }

    public IDbContextFactory<TumorWebDbContext> Db => Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();

    /// <summary>Creates the user in the store (as "system") and returns their id.</summary>
    public async Task<string> CreateUserAsync(string userName, string role)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(AuditActions.System, userName, Password, role);
        return user.Id;
    }

    /// <summary>"tester" exists in the store with <paramref name="role"/> and is the signed-in user.</summary>
    public async Task<string> SignInAsStoredUserAsync(string role)
    {
        var id = await CreateUserAsync(ComponentTestServices.UserName, role);
        this.SignInAs(role);
        this.SetUserId(id);
        return id;
    }

    public async Task<List<UserSummary>> UsersAsync()
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync();
    }

    public async Task<IdentityUser?> FindUserAsync(string userName)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindByNameAsync(userName);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}
