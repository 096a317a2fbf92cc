using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>How a request proves who it is: the session cookie from the sign-in page, or an API token.</summary>
public static class SignedInUser
{
    public const string Scheme = "TumorWeb";

    public static string SchemeFor(HttpContext context) =>
        ApiTokenAuthentication.ReadToken(context.Request) is not null ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme;

    /// <summary>A person opening a page is sent to the sign-in page; scripts, tiles and the hub get a plain status code.</summary>
    public static Task ChallengeAsync(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (IsPageRequest(context.Request)) context.Response.Redirect(context.RedirectUri);
        else context.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    }

    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/hubs")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name the audit log records for this user.</summary>
    public static string NameOf(System.Security.Claims.ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    /// <summary>The signed-in user's id (Identity's NameIdentifier claim); null for nobody.</summary>
    public static string? IdOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
}
