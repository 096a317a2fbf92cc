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

    /// <summary>The name the audit log records when the user may operate (Admin or Operator); null when the role is read-only.</summary>
    public static async Task<string?> OperatorNameAsync(this Task<AuthenticationState>? state) =>
        await state.UserAsync() is var user && user.CanOperate() ? SignedInUser.NameOf(user) : null;

    /// <summary>The name the audit log records when the user is an admin; null otherwise.</summary>
    public static async Task<string?> AdminNameAsync(this Task<AuthenticationState>? state) =>
        await state.UserAsync() is var user && user.IsAdmin() ? SignedInUser.NameOf(user) : null;
}
