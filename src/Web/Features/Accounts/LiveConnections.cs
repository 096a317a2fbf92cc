using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// Open hub connections and who opened them. A WebSocket is authenticated once, when it opens;
/// this re-checks every connection at least once a minute (<see cref="Interval"/>) and closes those
/// whose API token was revoked, or whose user was deleted, disabled or re-roled (the security stamp
/// changed), as page sessions are.
/// </summary>
public sealed class LiveConnections(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, TimeProvider time,
    ILogger<LiveConnections> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Connection> _open = new();

    private sealed record Connection(HubCallerContext Context, string? UserId, string? Stamp, string? TokenHash);

    public int Count => _open.Count;

    public void Opened(HubCallerContext context, HttpContext? http)
    {
        var user = context.User ?? new ClaimsPrincipal();
        var token = http is null ? null : ApiTokenAuthentication.ReadToken(http.Request);
        _open[context.ConnectionId] = new Connection(context, SignedInUser.IdOf(user),
            user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType), token is null ? null : Secrets.Hash(token));
    }

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>Closes every connection whose credentials no longer hold; returns how many it closed.</summary>
    public async Task<int> RecheckAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
        var closed = 0;
        foreach (var (id, connection) in _open)
        {
            if (await StillValidAsync(connection, users, tokens, ct)) continue;
            connection.Context.Abort();
            _open.TryRemove(id, out _);
            closed++;
        }
        return closed;
    }

    private static async Task<bool> StillValidAsync(Connection connection, UserManager<IdentityUser> users, ApiTokens tokens, CancellationToken ct)
    {
        if (connection.UserId is null || await users.FindByIdAsync(connection.UserId) is not { } user || UserAccounts.IsDisabled(user)) return false;
        if (connection.TokenHash is { } hash && !await tokens.IsLiveAsync(hash, connection.UserId, ct)) return false;
        return !users.SupportsUserSecurityStamp || connection.Stamp == await users.GetSecurityStampAsync(user);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await RecheckAsync(stoppingToken) is > 0 and var closed) logger.LogInformation("Closed {Count} hub connections whose sign-in no longer holds", closed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Re-checking hub connections failed; trying again in {Interval}", Interval);
            }
        }
    }
}
