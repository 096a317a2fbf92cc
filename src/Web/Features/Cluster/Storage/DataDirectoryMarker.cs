using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Cluster.Storage;

/// <summary>
/// Proves that a node sees the cluster's shared data directory: the first web node writes a marker
/// file with a random id into its data directory and records the same id in the database; every
/// later node must find that id in the file of its own data directory, or it refuses to start.
/// Two web nodes starting at once agree: the file is created by an atomic rename that does not
/// overwrite, and the database row by an insert whose loser reads the winner's id.
/// </summary>
public sealed class DataDirectoryMarker(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public const string FileName = ".tumorweb-cluster";
    public const string SettingKey = "DataDirectoryMarker";

    /// <summary>For a web node (after the migrations): records the marker when the cluster has none yet, then checks it.</summary>
    public async Task EnsureForWebNodeAsync(string dataDirectory, CancellationToken ct)
    {
        var recorded = await ReadRecordedAsync(ct);
        if (recorded is null)
        {
            Directory.CreateDirectory(dataDirectory);
            recorded = await RecordAsync(ReadFile(dataDirectory) ?? WriteFileOnce(dataDirectory), ct);
        }
        Compare(dataDirectory, recorded);
    }

    /// <summary>For a worker: the marker must exist, written by a web node, and match its data directory's file.</summary>
    public async Task CheckForWorkerAsync(string dataDirectory, CancellationToken ct)
    {
        var recorded = await ReadRecordedAsync(ct) ?? throw new InvalidOperationException(
            $"no web node has started on this cluster database yet, so the worker cannot check that its data directory {Path.GetFullPath(dataDirectory)} " +
            "is the cluster's: start a web node first (it writes the data directory's marker)");
        Compare(dataDirectory, recorded);
    }

    /// <summary>The message a node with the wrong data directory stops with; <paramref name="finding"/> says what it found.</summary>
    public static string Refusal(string dataDirectory, string finding) =>
        $"the data directory {Path.GetFullPath(dataDirectory)} {finding}, so it is not the data directory of this cluster's web nodes. " +
        "TumorWeb:DataDirectory must be the shared mount (NFS) that the web nodes use, mounted at the same path on every node.";

    private static void Compare(string dataDirectory, string recorded)
    {
        var found = ReadFile(dataDirectory);
        if (found is null) throw new InvalidOperationException(Refusal(dataDirectory, $"holds no {FileName} marker file"));
        if (found != recorded)
            throw new InvalidOperationException(Refusal(dataDirectory, $"holds the {FileName} marker {found}, but the cluster database records {recorded}"));
    }

    private static string? ReadFile(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, FileName);
        return File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } id ? id : null;
    }

    /// <summary>Written whole under a temporary name, then renamed without overwriting: a reader never sees half a file, and of two writers one wins.</summary>
    private static string WriteFileOnce(string dataDirectory)
    {
        var id = Guid.NewGuid().ToString("N");
        var file = Path.Combine(dataDirectory, FileName);
        var temporary = $"{file}.{id}.tmp";
        File.WriteAllText(temporary, id + Environment.NewLine);
        try
        {
            File.Move(temporary, file, overwrite: false);
            return id;
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
            return ReadFile(dataDirectory) ?? throw new InvalidOperationException($"{file} is empty");
        }
    }

    private async Task<string?> ReadRecordedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ClusterSettings.Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
    }

    /// <summary>The id the database holds after this node offered <paramref name="id"/>: its own, or that of a node that was faster.</summary>
    private async Task<string> RecordAsync(string id, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ClusterSettings.Add(new ClusterSetting { Key = SettingKey, Value = id, UpdatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            return id;
        }
        catch (DbUpdateException)
        {
            var winner = await ReadRecordedAsync(ct);
            if (winner is null) throw;
            return winner;
        }
    }
}
