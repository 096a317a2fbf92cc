using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TumorWeb.Data;

namespace TumorWeb.Web.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>
    /// Identity (EF Core store in the app's SQLite file), the session cookie and API tokens, the role
    /// policies, a fallback policy that makes every endpoint need a signed-in user unless it says
    /// otherwise, and the sign-in rate limit.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, string keysDirectory)
    {
        // Session cookies stay valid across restarts, and copies of the app on other data folders do not share keys.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysDirectory)).SetApplicationName("TumorWeb");
        services.Configure<AccountsOptions>(configuration.GetSection(AccountsOptions.Section));
        var options = configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new AccountsOptions();

        services.AddAccountStore().AddSignInManager();
        // Disabling a user or changing a role renews the security stamp; sessions check it this often.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SignedInUser.Scheme;
                o.DefaultChallengeScheme = SignedInUser.Scheme;
            })
            .AddPolicyScheme(SignedInUser.Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = SignedInUser.SchemeFor)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o => ConfigureCookie(o, options)));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(LabRoles.OperatePolicy, p => p.RequireRole(LabRoles.Admin, LabRoles.Operator))
            .AddPolicy(LabRoles.AdminPolicy, p => p.RequireRole(LabRoles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserState>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddSingleton<ServerSessions>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<ServerSessions>((cookie, sessions) => cookie.SessionStore = sessions);
        services.AddSingleton<SetupLink>();
        services.AddSingleton<LiveConnections>();
        services.AddHostedService(s => s.GetRequiredService<LiveConnections>());
        return services.AddHostedService<FirstAdmin>();
    }

    /// <summary>Users, roles, API tokens and the audit log over the SQLite file, without the web parts (the CLI uses this).</summary>
    public static IdentityBuilder AddAccountStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditLog>();
        services.TryAddScoped<UserAccounts>();
        services.TryAddScoped<ApiTokens>();
        services.AddDataProtection();
        return services.AddIdentityCore<IdentityUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TumorWebDbContext>()
            .AddDefaultTokenProviders();
    }

    private static void ConfigureIdentity(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B): a long passphrase of plain words is fine.
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, AccountsOptions options)
    {
        o.Cookie.Name = "TumorWeb.Session";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.ExpireTimeSpan = options.SessionLifetime;
        o.SlidingExpiration = true;
        o.LoginPath = "/account/login";
        o.AccessDeniedPath = "/account/denied";
        o.Events.OnRedirectToLogin = context => SignedInUser.ChallengeAsync(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => SignedInUser.ChallengeAsync(context, StatusCodes.Status403Forbidden);
    }
}
