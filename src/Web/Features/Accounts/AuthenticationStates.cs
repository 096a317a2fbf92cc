using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>The signed-in user of an interactive page, for the server-side role check of its actions.</summary>
public static class AuthenticationStates
{
    public const string ReadOnlyRefusal = "Your role is read-only: an Operator or Admin can do this.";
    public const string AdminRefusal = "Only an admin can manage users and read the audit log.";

    public static async Task<ClaimsPrincipal> UserAsync(this Task<AuthenticationState>? state) =>
        state is null ? new ClaimsPrincipal(new ClaimsIdentity()) : (await state).User;
}
