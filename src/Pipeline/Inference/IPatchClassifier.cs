namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// Scores context patches: for each, the probability that its centre cell holds tumor.
/// Whole-slide inference depends only on this, so every model (tiny CNN, frozen-feature head,
/// InceptionV3) is scored by the same batched, overlapped slide reader.
/// </summary>
public interface IPatchClassifier : IDisposable
{
    /// <summary>A short name for reports, e.g. the model preset and checkpoint.</summary>
    string Name { get; }

    /// <summary>Side in level-0 pixels of the context patch it was trained on (the seed: 299).</summary>
    int PatchSize { get; }

    /// <summary>
    /// Scores <paramref name="count"/> RGB patches laid end to end in <paramref name="patches"/>
    /// (PatchSize * PatchSize * 3 bytes each, rows interleaved RGB). Safe to call from one thread at a time.
    /// </summary>
    float[] Score(ReadOnlySpan<byte> patches, int count);
}
