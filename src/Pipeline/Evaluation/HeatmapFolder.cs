using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Finds and reads the heatmap folders that <see cref="HeatmapWriter"/> writes.</summary>
public static class HeatmapFolder
{
    /// <summary>
    /// The slide folders under <paramref name="heatmapsDirectory"/> (each holding heatmap.json), by
    /// name; the directory itself when it is one slide's folder.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<string> SlideFolders(string heatmapsDirectory)
    {
        if (!Directory.Exists(heatmapsDirectory))
            throw new DirectoryNotFoundException($"{heatmapsDirectory}: no such directory");
        if (File.Exists(Path.Combine(heatmapsDirectory, HeatmapSummaryFile.FileName)))
            return [Path.GetFullPath(heatmapsDirectory)];
        return Directory.EnumerateDirectories(heatmapsDirectory)
            .Where(folder => File.Exists(Path.Combine(folder, HeatmapSummaryFile.FileName)))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads heatmap.json, probabilities.npy and cells.csv, and checks that they describe the same grid.</summary>
    /// <exception cref="InvalidDataException">A file is missing, malformed or disagrees with the others; the message names it.</exception>
    public static StoredHeatmap Read(string folder)
    {
        var files = new HeatmapFiles(folder);
        foreach (var path in new[] { files.Summary, files.Probabilities, files.Cells })
            if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing from the heatmap folder");
        var summary = HeatmapSummaryFile.Read(files.Summary);
        var (probabilities, height, width) = NpyFile.Read(files.Probabilities);
        if ((height, width) != (summary.GridHeight, summary.GridWidth))
            throw new InvalidDataException(
                $"{files.Probabilities}: shape ({height}, {width}) but {HeatmapSummaryFile.FileName} says (gridHeight, gridWidth) = ({summary.GridHeight}, {summary.GridWidth})");
        var cells = CellCsv.Read(files.Cells, width, height);
        EnsureSameScores(files.Cells, cells.Probabilities, probabilities, width);
        return new StoredHeatmap(folder, summary, cells with { Probabilities = probabilities });
    }

    private static void EnsureSameScores(string csvPath, float[] csv, float[] npy, int width)
    {
        for (var i = 0; i < npy.Length; i++)
            if (csv[i] != npy[i])
                throw new InvalidDataException(
                    $"{csvPath}: cell {i % width},{i / width} scores {csv[i]} but {HeatmapFiles.ProbabilitiesName} has {npy[i]} (files from different runs?)");
    }
}
