using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// The lab's user accounts over ASP.NET Core Identity: each user has exactly one of
/// <see cref="LabRoles"/>. A disabled user is locked out for good and loses open sessions and
/// tokens at their next check. Every change is written to the audit log.
/// </summary>
public sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, AuditLog audit)
{
    public async Task<bool> AnyAsync(CancellationToken ct = default) => await users.Users.AnyAsync(ct);

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(ct);
        var list = new List<UserSummary>(all.Count);
        foreach (var user in all)
            list.Add(await SummaryOfAsync(user));
        return list;
    }

    /// <summary>Throws <see cref="AccountException"/> with Identity's reasons (name taken, password too short...).</summary>
    public async Task<IdentityUser> CreateAsync(string actor, string userName, string password, string role)
    {
        var exactRole = RequireRole(role);
        if (Api.TextLimits.Problem(userName.Trim(), Api.TextLimits.UserName, "the user name") is { } tooLong) throw new AccountException(tooLong);
        await EnsureRolesAsync();
        var user = new IdentityUser(userName.Trim());
        Check(await users.CreateAsync(user, password), $"user \"{userName}\" cannot be created");
        Check(await users.AddToRoleAsync(user, exactRole), $"user \"{userName}\" cannot get role {exactRole}");
        await audit.RecordAsync(actor, AuditActions.UserCreate, $"user {user.UserName}", $"role {exactRole}");
        return user;
    }

    public async Task SetRoleAsync(string actor, string userId, string role)
    {
        var exactRole = RequireRole(role);
        var user = await FindAsync(userId);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(LabRoles.Admin) && exactRole != LabRoles.Admin) await RequireAnotherAdminAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current), $"user \"{user.UserName}\": roles cannot be changed");
        Check(await users.AddToRoleAsync(user, exactRole), $"user \"{user.UserName}\" cannot get role {exactRole}");
        // Open sessions pick up the new role at their next check instead of keeping the old one for hours.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, AuditActions.UserRole, $"user {user.UserName}", $"role {exactRole}");
    }

    public async Task SetDisabledAsync(string actor, string userId, bool disabled)
    {
        var user = await FindAsync(userId);
        if (disabled && await users.IsInRoleAsync(user, LabRoles.Admin)) await RequireAnotherAdminAsync(user);
        Check(await users.SetLockoutEnabledAsync(user, true), $"user \"{user.UserName}\" cannot be locked");
        Check(await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null), $"user \"{user.UserName}\" cannot be changed");
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, disabled ? AuditActions.UserDisable : AuditActions.UserEnable, $"user {user.UserName}");
    }

    public async Task SetPasswordAsync(string actor, string userId, string password)
    {
        var user = await FindAsync(userId);
        var resetToken = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, resetToken, password), $"user \"{user.UserName}\": the password cannot be set");
        await audit.RecordAsync(actor, AuditActions.UserPassword, $"user {user.UserName}");
    }

    public async Task DeleteAsync(string actor, string userId)
    {
        var user = await FindAsync(userId);
        if (await users.IsInRoleAsync(user, LabRoles.Admin)) await RequireAnotherAdminAsync(user);
        Check(await users.DeleteAsync(user), $"user \"{user.UserName}\" cannot be deleted");
        await audit.RecordAsync(actor, AuditActions.UserDelete, $"user {user.UserName}");
    }

    public async Task<IdentityUser?> FindByNameAsync(string userName) => await users.FindByNameAsync(userName.Trim());

    /// <summary>One user as the list shows it; null when there is no such user.</summary>
    public async Task<UserSummary?> SummaryAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user ? await SummaryOfAsync(user) : null;

    public static bool IsDisabled(IdentityUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    public async Task EnsureRolesAsync()
    {
        foreach (var role in LabRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role} cannot be created");
    }

    private async Task<UserSummary> SummaryOfAsync(IdentityUser user) =>
        new(user.Id, user.UserName ?? "", await RoleOfAsync(user), IsDisabled(user));

    private async Task<string> RoleOfAsync(IdentityUser user) => (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";

    private async Task<IdentityUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new AccountException($"user {userId} does not exist");

    // A lab with no active admin could never add users or change roles again.
    private async Task RequireAnotherAdminAsync(IdentityUser user)
    {
        var admins = await users.GetUsersInRoleAsync(LabRoles.Admin);
        if (!admins.Any(a => a.Id != user.Id && !IsDisabled(a)))
            throw new AccountException($"user \"{user.UserName}\" is the last active admin; make another admin first");
    }

    private static string RequireRole(string role) =>
        LabRoles.Normalize(role) ?? throw new AccountException($"role \"{role}\" is not one of {string.Join(", ", LabRoles.All)}");

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded) throw new AccountException($"{what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

public sealed record UserSummary(string Id, string UserName, string Role, bool Disabled);

/// <summary>An account change that cannot be made; the message says which user and why.</summary>
public sealed class AccountException(string message) : Exception(message);
