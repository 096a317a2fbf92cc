using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities.Accounts;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// Who did what, when. Changes that save rows add their entry to the same SaveChanges (see
/// <see cref="Entry"/>), so an action and its audit line are stored together or not at all.
/// </summary>
public sealed class AuditLog(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public const int MaxTake = 1000;

    public AuditEntry Entry(string userName, string action, string target, string? detail = null) => new()
    {
        At = time.GetUtcNow(),
        UserName = userName,
        Action = action,
        Target = target,
        Detail = detail,
    };

    public async Task RecordAsync(string userName, string action, string target, string? detail = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(Entry(userName, action, target, detail));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Newest first; optionally only one user's or one action's entries.</summary>
    public async Task<List<AuditEntry>> ListAsync(string? userName = null, string? action = null, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(userName)) query = query.Where(e => e.UserName == userName.Trim());
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(e => e.Action == action.Trim());
        return await query.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, MaxTake)).ToListAsync(ct);
    }
}
