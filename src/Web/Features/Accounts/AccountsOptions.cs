namespace TumorWeb.Web.Features.Accounts;

/// <summary>The "TumorWeb:Accounts" settings.</summary>
public sealed class AccountsOptions
{
    public const string Section = "TumorWeb:Accounts";

    /// <summary>User name of the first admin created at start-up.</summary>
    public string AdminUserName { get; set; } = "admin";

    /// <summary>
    /// Creates the first admin with this password when there are no users yet (command line
    /// --TumorWeb:Accounts:AdminPassword=... or environment TumorWeb__Accounts__AdminPassword).
    /// Without it the app prints a one-time set-up link instead. There is no default password.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>Sign-in attempts one address may make per minute; more get 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a browser stays signed in without using the app.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
