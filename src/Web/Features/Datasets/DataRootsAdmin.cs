using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// Data roots that admins add and remove in the app, on top of the configured ones. A root must be
/// an existing absolute folder that no other root already covers, never the file system's root; one
/// that holds registered datasets cannot be removed (their slides would become unreadable).
/// </summary>
public sealed class DataRootsAdmin(IDbContextFactory<TumorWebDbContext> dbFactory, DatasetRoots roots, AuditLog audit, TimeProvider time)
{
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        roots.SetAdded(await db.AddedDataRoots.OrderBy(r => r.Id).Select(r => r.Path).ToListAsync(ct));
    }

    public async Task<List<AddedDataRoot>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AddedDataRoots.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Throws <see cref="DatasetFolderException"/> naming the folder and why it cannot be a root.</summary>
    public async Task<AddedDataRoot> AddAsync(string actor, string folder, CancellationToken ct = default)
    {
        Api.TextLimits.Require(folder, Api.TextLimits.Folder, "the folder");
        var path = Check(folder.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = new AddedDataRoot { Path = path, AddedBy = actor, AddedAt = time.GetUtcNow() };
        db.AddedDataRoots.Add(row);
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.RootAdd, $"data root {path}"));
        await db.SaveChangesAsync(ct);
        await LoadAsync(ct);
        return row;
    }

    /// <summary>False for an unknown id; throws <see cref="DatasetFolderException"/> while datasets live only under it.</summary>
    public async Task<bool> RemoveAsync(string actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AddedDataRoots.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } row) return false;
        var others = roots.Allowed.Where(r => r != row.Path).ToList();
        var stranded = (await db.Datasets.AsNoTracking().Select(d => new { d.Id, d.Name, d.Folder }).ToListAsync(ct))
            .Where(d => RealPath.IsInside(d.Folder, row.Path) && !others.Any(o => RealPath.IsInside(d.Folder, o)))
            .ToList();
        if (stranded.Count > 0)
            throw new DatasetFolderException(row.Path,
                $"holds datasets {string.Join(", ", stranded.Select(d => $"{d.Id} \"{d.Name}\""))}; delete them first");
        db.AddedDataRoots.Remove(row);
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.RootRemove, $"data root {row.Path}"));
        await db.SaveChangesAsync(ct);
        await LoadAsync(ct);
        return true;
    }

    private string Check(string folder)
    {
        if (folder.Length == 0) throw new DatasetFolderException("(no folder)", "give the absolute path of a folder");
        if (!Path.IsPathRooted(folder)) throw new DatasetFolderException(folder, "a data root must be an absolute path (starting with /)");
        if (!Directory.Exists(folder)) throw new DatasetFolderException(folder, "folder not found");
        var path = Path.TrimEndingDirectorySeparator(RealPath.Of(folder));
        if (path == Path.GetPathRoot(path)) throw new DatasetFolderException(folder, "the whole file system cannot be a data root");
        if (roots.Allowed.FirstOrDefault(r => RealPath.IsInside(path, RealPath.Of(r))) is { } covering)
            throw new DatasetFolderException(folder, $"is already inside the data root {covering}");
        return path;
    }
}
