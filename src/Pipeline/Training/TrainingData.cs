using TumorWeb.Pipeline.Training.Loading;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// The patches a run learns from (train split) and is checked on (validation split, held-out
/// slides), the names and content identities of the train split's slides, and the patches' physical
/// size in microns when the extraction cut them by microns.
/// </summary>
internal sealed record TrainingData(IReadOnlyList<TrainingPatch> Train, IReadOnlyList<TrainingPatch> Validation,
    IReadOnlyList<string> TrainSlides, IReadOnlyList<string> TrainSlideHashes, double? PatchMicrons = null);
