using System.Security.Cryptography;
using TumorWeb.Pipeline.Inference;

namespace TumorWeb.Pipeline.Tests.Inference;

/// <summary>Scores every patch the same.</summary>
internal sealed class ConstantClassifier(float score, int patchSize = 299) : IPatchClassifier
{
    public string Name => $"constant {score}";
    public int PatchSize => patchSize;
    public float[] Score(ReadOnlySpan<byte> patches, int count) => Enumerable.Repeat(score, count).ToArray();
    public void Dispose() { }
}

/// <summary>
/// Keeps a fingerprint of every patch it is given and the size of every batch, and scores each
/// patch with <c>score(patch bytes)</c>. Can run an action before each call (to cancel, to snapshot).
/// </summary>
internal sealed class RecordingClassifier(int patchSize, Func<ReadOnlySpan<byte>, float> score, Action<int>? beforeCall = null) : IPatchClassifier
{
    public List<string> Fingerprints { get; } = [];
    public List<int> BatchSizes { get; } = [];
    public string Name => "recording";
    public int PatchSize => patchSize;

    public float[] Score(ReadOnlySpan<byte> patches, int count)
    {
        beforeCall?.Invoke(BatchSizes.Count);
        BatchSizes.Add(count);
        var bytes = patchSize * patchSize * 3;
        var scores = new float[count];
        for (var i = 0; i < count; i++)
        {
            var patch = patches.Slice(i * bytes, bytes);
            Fingerprints.Add(Fingerprint(patch));
            scores[i] = score(patch);
        }
        return scores;
    }

    public static string Fingerprint(ReadOnlySpan<byte> patch) => Convert.ToHexString(SHA256.HashData(patch));

    public void Dispose() { }
}

/// <summary>Breaks the contract: returns the given scores whatever it is asked.</summary>
internal sealed class FixedOutputClassifier(float[] output, int patchSize) : IPatchClassifier
{
    public string Name => "broken";
    public int PatchSize => patchSize;
    public float[] Score(ReadOnlySpan<byte> patches, int count) => output;
    public void Dispose() { }
}
