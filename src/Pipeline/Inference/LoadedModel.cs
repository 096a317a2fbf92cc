namespace TumorWeb.Pipeline.Inference;

/// <summary>A model ready to score patches, and the slides it was trained on (empty when it learnt from none).</summary>
public sealed record LoadedModel(IPatchClassifier Classifier, IReadOnlyList<string> TrainingSlides) : IDisposable
{
    public void Dispose() => Classifier.Dispose();
}
