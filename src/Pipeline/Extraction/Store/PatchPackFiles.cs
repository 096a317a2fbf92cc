using System.Globalization;

namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>Names of the files of a patch pack: patches-000.pack, patches-001.pack, ... and the writer's lock file.</summary>
internal static class PatchPackFiles
{
    private const string Prefix = "patches-";
    private const string Extension = ".pack";

    public static string ShardPath(string directory, int shard) =>
        Path.Combine(directory, $"{Prefix}{shard.ToString("D3", CultureInfo.InvariantCulture)}{Extension}");

    public static string LockPath(string directory) => Path.Combine(directory, "patches.lock");

    /// <summary>The highest shard number in the directory, or null when it has no shard yet.</summary>
    public static int? LastShard(string directory) =>
        Directory.EnumerateFiles(directory, $"{Prefix}*{Extension}")
            .Select(ShardNumber)
            .Where(number => number is not null)
            .Max();

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
