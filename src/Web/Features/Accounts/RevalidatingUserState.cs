using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// An open page (a Blazor circuit) keeps the user it started with; this re-checks the user's security
/// stamp every minute, so a disabled, deleted or re-roled user is signed out of open pages too.
/// </summary>
public sealed class RevalidatingUserState(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await IsStillValidAsync(users, state.User);
    }

    private async Task<bool> IsStillValidAsync(UserManager<IdentityUser> users, ClaimsPrincipal principal)
    {
        // A sign-in lockout (wrong passwords, by anyone) keeps open pages; an admin's disable ends them.
        if (await users.GetUserAsync(principal) is not { } user || UserAccounts.IsDisabled(user)) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
