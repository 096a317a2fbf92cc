using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>A catalogued patch as training needs it: its row id, where its pixels lie, and its label.</summary>
public readonly record struct TrainingPatch(long Id, PatchLocation Location, bool IsTumor);
