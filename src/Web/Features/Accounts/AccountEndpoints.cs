using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// The form posts of the sign-in, sign-out and set-up pages (antiforgery-checked, as every form post
/// is), the admins' audit log and users API, and each user's API tokens.
/// </summary>
public static class AccountEndpoints
{
    /// <summary>Every failed sign-in answers after this long: longer than checking a password hash takes.</summary>
    public static readonly TimeSpan FailedSignInDuration = TimeSpan.FromMilliseconds(400);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit);
        app.MapPost("/account/setup", SetUpAsync).AllowAnonymous().RequireRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit);
        app.MapPost("/account/signout", SignOutAsync);
        app.MapGet("/api/audit", ListAuditAsync).RequireAuthorization(LabRoles.AdminPolicy);
        UsersApi.Map(app);
        TokensApi.Map(app);
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, SignInManager<IdentityUser> signIn, AuditLog audit)
    {
        var userName = form.UserName?.Trim() ?? "";
        // No account has a longer name; refusing here keeps megabytes of "user name" out of the audit log.
        if (Api.TextLimits.Problem(userName, Api.TextLimits.UserName, "the user name") is { } tooLong)
            return Results.Problem(tooLong, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        var started = TimeProvider.System.GetTimestamp();
        var result = await signIn.PasswordSignInAsync(userName, form.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(userName, AuditActions.SignIn, $"user {userName}");
            return Results.LocalRedirect(LocalUrl(form.ReturnUrl));
        }
        await audit.RecordAsync(userName, AuditActions.SignInFailed, $"user {userName}", result.IsLockedOut ? "locked out" : "wrong user name or password");
        // An unknown name, a wrong password and a locked account get the same answer after the same
        // time, so the sign-in form cannot tell anyone which user names exist.
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        if (elapsed < FailedSignInDuration) await Task.Delay(FailedSignInDuration - elapsed);
        return Results.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(LocalUrl(form.ReturnUrl))}");
    }

    private static async Task<IResult> SetUpAsync([FromForm] SetupForm form, SetupLink link, UserAccounts accounts, SignInManager<IdentityUser> signIn)
    {
        var back = $"/account/setup?token={Uri.EscapeDataString(form.Token ?? "")}";
        if (!link.Matches(form.Token)) return Results.LocalRedirect("/account/setup?error=expired");
        if (form.Password != form.ConfirmPassword) return Results.LocalRedirect($"{back}&error=mismatch");
        // Taken before the admin is made, so two set-ups posted at once cannot both create one.
        if (!link.TryConsume(form.Token) || await accounts.AnyAsync()) return Results.LocalRedirect("/account/setup?error=expired");
        IdentityUser admin;
        try
        {
            admin = await accounts.CreateAsync(AuditActions.System, form.UserName ?? "", form.Password ?? "", LabRoles.Admin);
        }
        catch (AccountException e)
        {
            link.Reopen(form.Token!);
            return Results.LocalRedirect($"{back}&error={Uri.EscapeDataString(e.Message)}");
        }
        await signIn.SignInAsync(admin, isPersistent: false);
        return Results.LocalRedirect("/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<IdentityUser> signIn, AuditLog audit)
    {
        var userName = SignedInUser.NameOf(context.User);
        await signIn.SignOutAsync();
        await audit.RecordAsync(userName, AuditActions.SignOut, $"user {userName}");
        return Results.LocalRedirect("/account/login");
    }

    private static async Task<IResult> ListAuditAsync(AuditLog audit, string? user, string? action, int? take, CancellationToken ct)
    {
        if (take is < 1 or > AuditLog.MaxTake) return Results.Problem(detail: $"take must be between 1 and {AuditLog.MaxTake} (got {take})", statusCode: 400);
        var entries = await audit.ListAsync(user, action, take ?? 200, ct);
        return Results.Ok(entries.Select(e => new AuditEntryView(e.Id, e.At, e.UserName, e.Action, e.Target, e.Detail)));
    }

    /// <summary>Only a path on this site: "//evil.example" or "https://..." after sign-in would hand the user to a stranger.</summary>
    /// <summary>The address to return to after signing in: a path of this app, else "/" (control characters would make the redirect itself fail).</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";
}

public sealed class SignInForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class SetupForm
{
    public string? Token { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed record AuditEntryView(long Id, DateTimeOffset At, string User, string Action, string Target, string? Detail);
