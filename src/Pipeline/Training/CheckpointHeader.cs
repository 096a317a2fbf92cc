namespace TumorWeb.Pipeline.Training;

/// <summary>
/// What a checkpoint says about itself, ahead of its weights: which run, model and settings, how far
/// it got, and the slides it learnt from (so an evaluation can warn about scoring them). A head
/// trained on cached features records <paramref name="BaseModelHash"/>, the SHA-256 of the frozen
/// base that made them: its weights are not in the checkpoint, and only that base fits the head.
/// <paramref name="TrainingSlideHashes"/> are the training slides' content identities
/// (<see cref="Slides.SlideFingerprint"/>); checkpoints written before they existed have none.
/// <paramref name="PatchMicrons"/> is the physical size of the patches it learnt from, when the
/// extraction cut them by microns: heatmaps then cut every slide alike, or refuse it.
/// </summary>
public sealed record CheckpointHeader(int Format, int RunId, TrainingHyperparameters Hyperparameters, TrainingPosition Position,
    DateTimeOffset SavedAt, IReadOnlyList<string> TrainingSlides, string? BaseModelHash = null, IReadOnlyList<string>? TrainingSlideHashes = null,
    double? PatchMicrons = null)
{
    public const int CurrentFormat = 1;
}
