using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// At start-up, with no users yet: creates the admin from the configured password, or prints a
/// one-time set-up link. There is never a default password. Runs after the database migration.
/// </summary>
public sealed class FirstAdmin(IServiceScopeFactory scopes, IOptions<AccountsOptions> options, SetupLink setupLink,
    IServer server, IHostApplicationLifetime lifetime, ILogger<FirstAdmin> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        await accounts.EnsureRolesAsync();
        if (await accounts.AnyAsync(cancellationToken)) return;
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.AdminPassword))
        {
            await accounts.CreateAsync(AuditActions.System, settings.AdminUserName, settings.AdminPassword, LabRoles.Admin);
            log.LogInformation("Created the first admin \"{User}\" from the configured password", settings.AdminUserName);
            return;
        }
        var secret = setupLink.Open();
        // The server's addresses are known only once it listens, after the hosted services started.
        lifetime.ApplicationStarted.Register(() =>
            log.LogWarning("No users yet. Create the first admin once at: {Link}", SetupUrl(secret)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string SetupUrl(string secret)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://127.0.0.1:5000";
        return $"{address.TrimEnd('/')}/account/setup?token={secret}";
    }
}
