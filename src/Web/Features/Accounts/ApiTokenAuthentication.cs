using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// Signs in a request that carries an API token: "Authorization: Bearer tw_..." or, for the SignalR
/// hub (browsers' WebSockets cannot send headers), "?access_token=tw_...".
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, IUserClaimsPrincipalFactory<IdentityUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query ? query : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadToken(Request) is not { } secret) return AuthenticateResult.NoResult();
        var user = await tokens.FindUserAsync(secret, Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("the API token is unknown or revoked");
        // Only an admin's disable stops a token: a sign-in lockout must not let anyone who knows a user
        // name switch off that user's scripts by mistyping passwords.
        if (UserAccounts.IsDisabled(user)) return AuthenticateResult.Fail($"user {user.UserName} is disabled");
        return AuthenticateResult.Success(new AuthenticationTicket(await principals.CreateAsync(user), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
