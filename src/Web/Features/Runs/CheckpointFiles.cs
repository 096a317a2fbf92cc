using System.Globalization;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Web.Features.Runs;

/// <summary>Lists the checkpoints in a training run's folder, newest progress last.</summary>
public static class CheckpointFiles
{
    public static IReadOnlyList<CheckpointFile> List(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, Checkpoints.Folder);
        if (string.IsNullOrEmpty(runDirectory) || !Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*" + Checkpoints.Extension)
            .Select(Describe)
            .OrderBy(c => c.Step ?? long.MaxValue)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static CheckpointFile Describe(string path)
    {
        var info = new FileInfo(path);
        try
        {
            var position = Checkpoints.ReadHeader(path).Position;
            return new CheckpointFile(info.Name, info.Length, info.LastWriteTimeUtc, position.Epoch, position.Step, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return new CheckpointFile(info.Name, info.Length, info.LastWriteTimeUtc, EpochFromName(info.Name), null, e.Message);
        }
    }

    /// <summary>epoch-003.ckpt → 3; null for other names (latest.ckpt).</summary>
    public static int? EpochFromName(string fileName)
    {
        const string prefix = "epoch-";
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return stem.StartsWith(prefix, StringComparison.Ordinal) &&
               int.TryParse(stem[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? epoch
            : null;
    }
}
