using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Tests.Admin;

/// <summary>/api/users on the real app: the admin's changes, the rules that keep a lab administrable, bad input, and what is stored.</summary>
public sealed class UsersApiTests : AccountsAppTest
{
    private const string LastAdmin = "user \"test-admin\" is the last active admin; make another admin first";

    [Fact]
    public async Task TheLastActiveAdminCannotBeDemotedDisabledOrDeleted()
    {
        var admin = Assert.Single(await Admin.GetFromJsonAsync<List<UserSummary>>("/api/users") ?? []);

        var demote = await Admin.PatchAsJsonAsync($"/api/users/{admin.Id}", new UserChangeRequest(LabRoles.Viewer, null));
        var disable = await Admin.PatchAsJsonAsync($"/api/users/{admin.Id}", new UserChangeRequest(null, true));
        var delete = await Admin.DeleteAsync($"/api/users/{admin.Id}");

        foreach (var response in new[] { demote, disable, delete })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(LastAdmin, await ProblemDetailOf(response));
        }
        var after = Assert.Single(await Admin.GetFromJsonAsync<List<UserSummary>>("/api/users") ?? []);
        Assert.Equal(new UserSummary(admin.Id, "test-admin", LabRoles.Admin, false), after);
    }

    [Fact]
    public async Task WithASecondAdminTheFirstCanStepDown()
    {
        var admin = Assert.Single(await Admin.GetFromJsonAsync<List<UserSummary>>("/api/users") ?? []);
        await CreateUserAsync("second-admin", LabRoles.Admin);

        var demote = await Admin.PatchAsJsonAsync($"/api/users/{admin.Id}", new UserChangeRequest("viewer", null));

        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Equal(LabRoles.Viewer, (await demote.Content.ReadFromJsonAsync<UserSummary>())!.Role);
        // The token's user is read again on every request: the demoted admin is refused at once.
        Assert.Equal(HttpStatusCode.Forbidden, (await Admin.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task CreatedUsersAreListedAndDeletedUsersGone()
    {
        var olga = await CreateUserAsync("olga", "Operator");

        var listed = await Admin.GetFromJsonAsync<List<UserSummary>>("/api/users");
        var delete = await Admin.DeleteAsync($"/api/users/{olga.Id}");
        var afterDelete = await Admin.GetFromJsonAsync<List<UserSummary>>("/api/users");

        Assert.Contains(new UserSummary(olga.Id, "olga", LabRoles.Operator, false), listed!);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.DoesNotContain(afterDelete!, u => u.UserName == "olga");
    }

    [Theory]
    [InlineData("nina", "short", "Viewer", "user \"nina\" cannot be created: Passwords must be at least 10 characters.")]
    [InlineData("nina", "long enough passphrase", "Boss", "role \"Boss\" is not one of Admin, Operator, Viewer")]
    [InlineData("test-admin", "long enough passphrase", "Viewer", "user \"test-admin\" cannot be created: Username 'test-admin' is already taken.")]
    public async Task BadNewUsersAre400WithTheReason(string userName, string password, string role, string reason)
    {
        var response = await Admin.PostAsJsonAsync("/api/users", new NewUserRequest(userName, password, role));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, await ProblemDetailOf(response));
    }

    [Fact]
    public async Task UnknownIdsAre404AndAnEmptyChangeIs400()
    {
        var admin = Assert.Single(await Admin.GetFromJsonAsync<List<UserSummary>>("/api/users") ?? []);

        var patch = await Admin.PatchAsJsonAsync("/api/users/no-such-id", new UserChangeRequest(LabRoles.Viewer, null));
        var delete = await Admin.DeleteAsync("/api/users/no-such-id");
        var token = await Admin.DeleteAsync("/api/tokens/999");
        var empty = await Admin.PatchAsJsonAsync($"/api/users/{admin.Id}", new UserChangeRequest(null, null));
        var notJson = await Admin.PostAsync("/api/users", new StringContent("userName=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal("user no-such-id does not exist", await ProblemDetailOf(patch));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task NeitherPasswordHashesNorSecurityStampsLeaveTheServer()
    {
        await CreateUserAsync("olga", LabRoles.Operator);

        var json = await Admin.GetStringAsync("/api/users");

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        var olga = await db.Users.SingleAsync(u => u.UserName == "olga");
        Assert.Contains("\"olga\"", json);
        Assert.DoesNotContain(olga.PasswordHash!, json);
        Assert.DoesNotContain(olga.SecurityStamp!, json);
        Assert.DoesNotContain("hash", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TokensAreStoredAsTheirSha256Only()
    {
        var adminSession = await SignInWithPasswordAsync((await CreateUserAsync("ada", LabRoles.Admin)).UserName);
        var created = await CreateTokenAsync(adminSession, "backup script");

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        var row = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == created.Id);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token)));
        Assert.Equal(sha256, row.Hash);
        Assert.Equal(created.Token[..10], row.Prefix);
        Assert.DoesNotContain(created.Token, string.Join("|", row.Name, row.Prefix, row.Hash, row.UserId));
    }

    [Fact]
    public async Task TheAuditLogNamesWhoChangedUsersAndTokens()
    {
        var olga = await CreateUserAsync("olga", LabRoles.Viewer);
        await Admin.PatchAsJsonAsync($"/api/users/{olga.Id}", new UserChangeRequest(LabRoles.Operator, null));
        await Admin.PatchAsJsonAsync($"/api/users/{olga.Id}", new UserChangeRequest(null, true));
        await Admin.PatchAsJsonAsync($"/api/users/{olga.Id}", new UserChangeRequest(null, false));
        using var olgaSession = await SignInWithPasswordAsync("olga");
        var token = await CreateTokenAsync(olgaSession, "report");
        Assert.Equal(HttpStatusCode.NoContent, (await olgaSession.DeleteAsync($"/api/tokens/{token.Id}")).StatusCode);

        var entries = await Admin.GetFromJsonAsync<List<AuditEntryView>>("/api/audit?take=100");

        Assert.Contains(entries!, e => e is { User: "test-admin", Action: AuditActions.UserCreate, Target: "user olga", Detail: "role Viewer" });
        Assert.Contains(entries!, e => e is { User: "test-admin", Action: AuditActions.UserRole, Target: "user olga", Detail: "role Operator" });
        Assert.Contains(entries!, e => e is { User: "test-admin", Action: AuditActions.UserDisable, Target: "user olga" });
        Assert.Contains(entries!, e => e is { User: "test-admin", Action: AuditActions.UserEnable, Target: "user olga" });
        Assert.Contains(entries!, e => e.User == "olga" && e.Action == AuditActions.TokenCreate && e.Target == $"token {token.Prefix}");
        Assert.Contains(entries!, e => e.User == "olga" && e.Action == AuditActions.TokenRevoke && e.Target == $"token {token.Prefix}");
    }
}
