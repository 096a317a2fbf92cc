using System.Runtime.InteropServices;
using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Mining;

/// <summary>
/// Puts the source run's patch shards into the derived run's folder under the same numbers, so the
/// copied catalog rows point at the same bytes: a hard link where the file system allows one (no
/// copy, and the derived run survives the source folder being deleted), else a copy.
/// </summary>
internal static partial class PackLinks
{
    /// <summary>Links or copies every shard; true when all were linked.</summary>
    public static bool LinkOrCopy(string sourceDirectory, string targetDirectory, CancellationToken ct)
    {
        var linked = true;
        foreach (var shard in PatchPackFiles.Shards(sourceDirectory))
        {
            ct.ThrowIfCancellationRequested();
            var (from, to) = (PatchPackFiles.ShardPath(sourceDirectory, shard), PatchPackFiles.ShardPath(targetDirectory, shard));
            if (File.Exists(to)) File.Delete(to);
            if (TryHardLink(from, to)) continue;
            linked = false;
            File.Copy(from, to);
        }
        return linked;
    }

    /// <summary>Removes the shards an unfinished earlier attempt left in the derived run's own folder.</summary>
    public static void RemoveShards(string directory)
    {
        foreach (var shard in PatchPackFiles.Shards(directory))
            File.Delete(PatchPackFiles.ShardPath(directory, shard));
    }

    private static bool TryHardLink(string from, string to) => !OperatingSystem.IsWindows() && Link(from, to) == 0;

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string created);
}
