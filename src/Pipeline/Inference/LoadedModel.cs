namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// A model ready to score patches, and the slides it was trained on (empty when it learnt from none):
/// their names and, for checkpoints that recorded them, their content identities.
/// </summary>
public sealed record LoadedModel(IPatchClassifier Classifier, IReadOnlyList<string> TrainingSlides, IReadOnlyList<string>? TrainingSlideHashes = null,
    double? PatchMicrons = null)
    : IDisposable
{
    public void Dispose() => Classifier.Dispose();
}
