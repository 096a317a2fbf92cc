using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>
/// Makes sure every node of a cluster works in the same data directory (one shared mount, at the same
/// path everywhere): the first web node writes a marker file with a random id into its data directory
/// and records the id in the cluster database; every later node, web node or worker, must find a
/// marker file with that id in its own data directory, or it refuses to start.
/// </summary>
public sealed class DataDirectoryMarker(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public const string FileName = ".tumorweb-cluster";
    public const string SettingKey = "data-directory-marker";

    /// <summary>On a web node: marks the directory if the cluster has no mark yet, then checks it.</summary>
    /// <exception cref="DataDirectoryMismatchException">The directory is not the one the cluster marked.</exception>
    public async Task EnsureForWebNodeAsync(string dataDirectory, CancellationToken ct)
    {
        var recorded = await RecordedAsync(ct);
        if (recorded is null)
        {
            Directory.CreateDirectory(dataDirectory);
            await RecordAsync(MarkOnce(dataDirectory), ct);
            recorded = await RecordedAsync(ct);
        }
        Check(dataDirectory, recorded!);
    }

    /// <summary>On a worker: the directory must carry the mark a web node made.</summary>
    /// <exception cref="DataDirectoryMismatchException">No web node has marked the cluster yet, or the directory is not the marked one.</exception>
    public async Task CheckForWorkerAsync(string dataDirectory, CancellationToken ct)
    {
        var recorded = await RecordedAsync(ct) ?? throw new DataDirectoryMismatchException(
            $"no web node has started on this cluster database yet, so the shared data directory is not marked; start a web node first (docs/cluster.md)");
        Check(dataDirectory, recorded);
    }

    private static void Check(string dataDirectory, string recorded)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var found = File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        if (found == recorded) return;
        throw new DataDirectoryMismatchException(found is null
            ? $"{dataDirectory} is not the cluster's shared data directory: it has no {FileName} marker. " +
              "Mount the data directory the web nodes use at the same path on this machine, and set TumorWeb:DataDirectory to it (docs/cluster.md)"
            : $"{dataDirectory} is not the cluster's shared data directory: its {FileName} marker ({found}) is not the one this cluster's database " +
              $"records ({recorded}). Mount the data directory the web nodes use at the same path on this machine (docs/cluster.md)");
    }

    /// <summary>The id in the directory's marker file, written now if there is none (moved into place, so two nodes never see half a file).</summary>
    private static string MarkOnce(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, Guid.NewGuid().ToString("N"));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        return File.ReadAllText(path).Trim();
    }

    private async Task<string?> RecordedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.ClusterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == SettingKey, ct))?.Value;
    }

    /// <summary>Two web nodes may start at once: the key is unique, so the second insert fails and its node reads the first's.</summary>
    private async Task RecordAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ClusterSettings.Add(new ClusterSetting { Key = SettingKey, Value = id, UpdatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Only a faster web node's row excuses the failure; anything else (rights, a broken table) stops the start.
            if (await RecordedAsync(ct) is null) throw;
        }
    }
}

/// <summary>A node's data directory is not the cluster's shared one; the message says which and what to do.</summary>
public sealed class DataDirectoryMismatchException(string message) : InvalidOperationException(message);
