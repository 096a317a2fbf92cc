using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>A catalogued patch as training needs it: its row id, where its pixels lie, its label, and its slide's catalog id.</summary>
public readonly record struct TrainingPatch(long Id, PatchLocation Location, bool IsTumor, int SlideId = 0);
