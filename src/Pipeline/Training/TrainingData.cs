using TumorWeb.Pipeline.Training.Loading;

namespace TumorWeb.Pipeline.Training;

/// <summary>The patches a run learns from (train split) and is checked on (validation split, held-out slides).</summary>
internal sealed record TrainingData(IReadOnlyList<TrainingPatch> Train, IReadOnlyList<TrainingPatch> Validation);
