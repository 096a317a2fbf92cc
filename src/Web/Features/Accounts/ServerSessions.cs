using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities.Accounts;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// Server-side session tickets for the sign-in cookie: the cookie carries only a random key, so
/// signing out (which removes the ticket) kills the cookie at once, even a copy of it. Tickets live
/// in SQLite (sessions survive a restart) and in memory (no database read per tile request).
/// </summary>
public sealed class ServerSessions(IDbContextFactory<TumorWebDbContext> dbFactory, IDataProtectionProvider protection, TimeProvider time)
    : ITicketStore
{
    private const string KeyPrefix = "ses_";
    private readonly IDataProtector _protector = protection.CreateProtector("TumorWeb.Sessions");
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _cache = new();

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Secrets.New(KeyPrefix);
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        foreach (var (cachedKey, cached) in _cache)
            if (cached.Properties.ExpiresUtc < now) _cache.TryRemove(cachedKey, out _);
        db.UserSessions.Add(Row(key, ticket));
        await db.SaveChangesAsync();
        _cache[key] = ticket;
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var renewed = Row(key, ticket);
        var updated = await db.UserSessions.Where(s => s.KeyHash == renewed.KeyHash)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Ticket, renewed.Ticket).SetProperty(r => r.ExpiresAt, renewed.ExpiresAt));
        if (updated == 1) _cache[key] = ticket;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (_cache.TryGetValue(key, out var cached)) return cached;
        await using var db = await dbFactory.CreateDbContextAsync();
        var hash = Secrets.Hash(key);
        var row = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.KeyHash == hash);
        if (row is null) return null;
        var ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(row.Ticket));
        if (ticket is not null) _cache[key] = ticket;
        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        _cache.TryRemove(key, out _);
        await using var db = await dbFactory.CreateDbContextAsync();
        var hash = Secrets.Hash(key);
        await db.UserSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync();
    }

    private UserSession Row(string key, AuthenticationTicket ticket) => new()
    {
        KeyHash = Secrets.Hash(key),
        UserId = SignedInUser.IdOf(ticket.Principal) ?? "",
        Ticket = _protector.Protect(TicketSerializer.Default.Serialize(ticket)),
        ExpiresAt = ticket.Properties.ExpiresUtc,
    };
}
