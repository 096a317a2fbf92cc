using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities.Accounts;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Features.Sharing;

/// <summary>
/// Read-only links to one run's results for people without an account. The secret ("s_" + 256
/// random bits) is returned once at creation; only its SHA-256 is stored. An expired, revoked or
/// unknown secret resolves to null alike, so a visitor learns nothing about links that are not live.
/// </summary>
public sealed class ShareLinks(IDbContextFactory<TumorWebDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    /// <summary>Longer than any secret we hand out; longer input is refused before it is hashed.</summary>
    private const int MaxSecretLength = 100;

    public async Task<CreatedShareLink> CreateAsync(string actor, SharedRunKind kind, int runId, int days, CancellationToken ct = default)
    {
        if (ShareLifetime.Problem(days) is { } problem) throw new ShareLinkException(problem, unknownRun: false);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await RunExistsAsync(db, kind, runId, ct))
            throw new ShareLinkException($"{ShareUrls.Describe(kind, runId)} does not exist", unknownRun: true);
        var secret = Secrets.New(ShareUrls.Prefix);
        var now = time.GetUtcNow();
        var link = new ShareLink
        {
            Kind = kind,
            RunId = runId,
            Hash = Secrets.Hash(secret),
            CreatedBy = actor,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ShareLinks.Add(link);
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.ShareCreate, ShareUrls.Describe(kind, runId), $"{days} days, until {link.ExpiresAt:u}"));
        await db.SaveChangesAsync(ct);
        return new CreatedShareLink(link, secret);
    }

    /// <summary>Newest first: all links, or those of one run.</summary>
    public async Task<List<ShareLink>> ListAsync(SharedRunKind? kind = null, int? runId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ShareLinks.AsNoTracking();
        if (kind is { } k) query = query.Where(l => l.Kind == k);
        if (runId is { } id) query = query.Where(l => l.RunId == id);
        return await query.OrderByDescending(l => l.Id).ToListAsync(ct);
    }

    /// <summary>Revokes a link that is not revoked yet; false when there is no such link.</summary>
    public async Task<bool> RevokeAsync(string actor, int linkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.ShareLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.RevokedAt == null, ct);
        if (link is null) return false;
        link.RevokedAt = time.GetUtcNow();
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.ShareRevoke, ShareUrls.Describe(link.Kind, link.RunId), $"share link {link.Id}"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The live link of <paramref name="secret"/>, or null when it is unknown, expired or revoked.</summary>
    public async Task<ShareLink?> ResolveAsync(string? secret, CancellationToken ct = default)
    {
        if (secret is null || secret.Length > MaxSecretLength || !secret.StartsWith(ShareUrls.Prefix, StringComparison.Ordinal)) return null;
        var hash = Secrets.Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.ShareLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Hash == hash, ct);
        return link?.StateAt(time.GetUtcNow()) == ShareLinkState.Active ? link : null;
    }

    public DateTimeOffset Now => time.GetUtcNow();

    private static Task<bool> RunExistsAsync(TumorWebDbContext db, SharedRunKind kind, int runId, CancellationToken ct) =>
        kind == SharedRunKind.Evaluation
            ? db.EvaluationRuns.AnyAsync(r => r.Id == runId, ct)
            : db.TrainingRuns.AnyAsync(r => r.Id == runId, ct);
}

/// <summary>The saved link and its secret, which is shown to its creator this once.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Secret);
