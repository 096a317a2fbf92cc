using System.Security.Claims;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// The three roles of a lab: Admin (users, data roots, everything), Operator (register datasets,
/// start, cancel and resume runs, share results) and Viewer (read only).
/// </summary>
public static class LabRoles
{
    public const string Admin = "Admin";
    public const string Operator = "Operator";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Viewer];

    /// <summary>Policy names, for [Authorize(Policy = ...)], AuthorizeView and RequireAuthorization.</summary>
    public const string OperatePolicy = "Operate";
    public const string AdminPolicy = "Administer";

    public static bool CanOperate(this ClaimsPrincipal user) => user.IsInRole(Admin) || user.IsInRole(Operator);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Admin);

    /// <summary>The exact role name for any spelling ("operator" -> "Operator"); null when there is no such role.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
