using System.Globalization;

namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>
/// Names of the files of a patch pack: patches-000.pack, patches-001.pack, ... and the writers' lock
/// files. A pack has lanes: lane k owns shard numbers k x <see cref="LaneSpan"/> up to the next lane,
/// with its own lock, so writers in several processes (one slide each) append to one pack at once.
/// Readers only need a shard's number, so they do not care which lane wrote it.
/// </summary>
internal static class PatchPackFiles
{
    /// <summary>Shards per lane: 10,000 shards of up to 1 GiB each.</summary>
    public const int LaneSpan = 10_000;

    private const string Prefix = "patches-";
    private const string Extension = ".pack";

    public static string ShardPath(string directory, int shard) =>
        Path.Combine(directory, $"{Prefix}{shard.ToString("D3", CultureInfo.InvariantCulture)}{Extension}");

    /// <summary>Lane 0 keeps the name every pack had before lanes, so older runs resume under the same lock.</summary>
    public static string LockPath(string directory, int lane = 0) =>
        Path.Combine(directory, lane == 0 ? "patches.lock" : $"patches-lane-{lane.ToString(CultureInfo.InvariantCulture)}.lock");

    public static int FirstShardOf(int lane) => checked(lane * LaneSpan);

    public static int LaneOf(int shard) => shard / LaneSpan;

    /// <summary>The numbers of the shards in the directory, in order.</summary>
    public static IReadOnlyList<int> Shards(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, $"{Prefix}*{Extension}").Select(ShardNumber).OfType<int>().Order().ToList()
            : [];

    /// <summary>The highest shard number in the directory, or null when it has no shard yet.</summary>
    public static int? LastShard(string directory) => Shards(directory) is { Count: > 0 } shards ? shards[^1] : null;

    /// <summary>The highest shard number of <paramref name="lane"/>, or null when the lane has no shard yet.</summary>
    public static int? LastShardOfLane(string directory, int lane) =>
        Shards(directory).Where(s => LaneOf(s) == lane).Select(s => (int?)s).LastOrDefault();

    /// <summary>The lane after every shard in the directory: a writer there never appends to an existing file.</summary>
    public static int FreshLane(string directory) => LastShard(directory) is { } last ? LaneOf(last) + 1 : 0;

    private static int? ShardNumber(string path)
    {
        var name = Path.GetFileName(path);
        var digits = name[Prefix.Length..^Extension.Length];
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) &&
               int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }
}
