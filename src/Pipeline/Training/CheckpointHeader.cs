namespace TumorWeb.Pipeline.Training;

/// <summary>What a checkpoint says about itself, ahead of its weights: which run, model and settings, and how far it got.</summary>
public sealed record CheckpointHeader(int Format, int RunId, TrainingHyperparameters Hyperparameters, TrainingPosition Position, DateTimeOffset SavedAt)
{
    public const int CurrentFormat = 1;
}
