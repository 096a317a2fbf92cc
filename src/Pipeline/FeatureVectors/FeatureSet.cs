using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.FeatureVectors.Cache;

namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>
/// The cached features of an extraction run: row i holds the <see cref="Dimension"/> features of Patches[i]. Reads go
/// to the file each time, so a set of any size costs no memory until asked for.
/// </summary>
public sealed class FeatureSet
{
    internal FeatureSet(string path, IReadOnlyList<FeaturePatch> patches, int computedNow, int dimension = ResNet18Features.Dimension)
    {
        Dimension = dimension;
        Path = path;
        Patches = patches;
        ComputedNow = computedNow;
    }

    public string Path { get; }
    public int Dimension { get; }
    public IReadOnlyList<FeaturePatch> Patches { get; }
    public int Count => Patches.Count;

    /// <summary>Rows the build that returned this set computed; 0 when it found the cache complete.</summary>
    public int ComputedNow { get; }

    public float[] Read(int patchIndex)
    {
        var row = new float[Dimension];
        Read([patchIndex], row);
        return row;
    }

    /// <summary>Rows of the given patches, one after another.</summary>
    public float[] Read(IReadOnlyList<int> patchIndices)
    {
        var rows = new float[patchIndices.Count * Dimension];
        Read(patchIndices, rows);
        return rows;
    }

    /// <summary>Rows of the given patches, one after another; neighbouring indices are read in one go.</summary>
    public void Read(IReadOnlyList<int> patchIndices, Span<float> destination)
    {
        if (destination.Length != patchIndices.Count * Dimension)
            throw new ArgumentException($"{patchIndices.Count} rows need {patchIndices.Count * Dimension} floats, got {destination.Length}", nameof(destination));
        using var file = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        for (var i = 0; i < patchIndices.Count;)
        {
            var first = patchIndices[i];
            ArgumentOutOfRangeException.ThrowIfNegative(first);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(first, Count);
            var run = 1;
            while (i + run < patchIndices.Count && patchIndices[i + run] == first + run) run++;
            if (!FloatRows.TryReadLittleEndian(file, (long)first * Dimension * sizeof(float), destination.Slice(i * Dimension, run * Dimension)))
                throw new InvalidDataException($"{Path}: ends before row {first + run - 1}; build the feature cache again");
            i += run;
        }
    }

    public int[] IndicesOf(DataSplit split) =>
        Enumerable.Range(0, Count).Where(i => Patches[i].Split == split).ToArray();

    /// <summary>Every row of a split in memory with its labels (1 tumor, 0 normal): 2 KB a patch.</summary>
    public (float[] Features, float[] Labels) ForSplit(DataSplit split)
    {
        var indices = IndicesOf(split);
        var features = new float[indices.Length * Dimension];
        Read(indices, features);
        var labels = indices.Select(i => Patches[i].Label == PatchLabel.Tumor ? 1f : 0f).ToArray();
        return (features, labels);
    }
}
