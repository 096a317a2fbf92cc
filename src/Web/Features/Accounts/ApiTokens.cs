using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities.Accounts;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// Per-user API tokens ("tw_" + 256 random bits). The token is returned once at creation; only its
/// SHA-256 is stored. A revoked token, or one of a disabled or deleted user, is refused.
/// </summary>
public sealed class ApiTokens(IDbContextFactory<TumorWebDbContext> dbFactory, UserManager<IdentityUser> users, AuditLog audit, TimeProvider time)
{
    public const string Prefix = "tw_";
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiToken> CreateAsync(string actor, string userId, string name, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new AccountException("a token needs a name (what uses it, e.g. \"nightly report\")");
        if (Api.TextLimits.Problem(name.Trim(), Api.TextLimits.TokenName, "the token name") is { } tooLong) throw new AccountException(tooLong);
        if (await users.FindByIdAsync(userId) is not { } user) throw new AccountException($"user {userId} does not exist");
        var secret = Secrets.New(Prefix);
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..10],
            Hash = Secrets.Hash(secret),
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.TokenCreate, $"token {token.Prefix}", $"\"{token.Name}\" of user {user.UserName}"));
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(token, secret);
    }

    public async Task<List<ApiToken>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct);
    }

    /// <summary>Revokes one of the user's own tokens; false when the user has no such live token.</summary>
    public async Task<bool> RevokeAsync(string actor, string userId, int tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, ct);
        if (token is null) return false;
        token.RevokedAt = time.GetUtcNow();
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.TokenRevoke, $"token {token.Prefix}", $"\"{token.Name}\""));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The live token's user, or null for an unknown or revoked token.</summary>
    /// <summary>Whether the token with this hash still belongs to <paramref name="userId"/> and is not revoked.</summary>
    public async Task<bool> IsLiveAsync(string hash, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AnyAsync(t => t.Hash == hash && t.UserId == userId && t.RevokedAt == null, ct);
    }

    public async Task<IdentityUser?> FindUserAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hash = Secrets.Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (token is null) return null;
        var now = time.GetUtcNow();
        if (token.LastUsedAt is not { } used || now - used > LastUsedPrecision)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return await users.FindByIdAsync(token.UserId);
    }
}

/// <summary>The saved token and its secret, which is shown to the user this once.</summary>
public sealed record CreatedApiToken(ApiToken Token, string Secret);
