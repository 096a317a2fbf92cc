using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>One catalogued patch as a row of a feature cache.</summary>
public readonly record struct FeaturePatch(long Id, int RunSlideId, int X, int Y, PatchLabel Label, DataSplit Split, PatchLocation Location);
