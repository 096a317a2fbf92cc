namespace TumorWeb.Pipeline.Training;

/// <summary>
/// What a checkpoint says about itself, ahead of its weights: which run, model and settings, how far
/// it got, and the slides it learnt from (so an evaluation can warn about scoring them).
/// </summary>
public sealed record CheckpointHeader(int Format, int RunId, TrainingHyperparameters Hyperparameters, TrainingPosition Position,
    DateTimeOffset SavedAt, IReadOnlyList<string> TrainingSlides)
{
    public const int CurrentFormat = 1;
}
