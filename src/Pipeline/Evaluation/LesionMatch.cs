namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// How one slide's detections fall on its lesions: for each lesion (index = label - 1) the highest
/// score among the detections that hit it, or null when none did; and the scores of the detections
/// that hit no lesion. Further hits on an already hit lesion are neither true nor false positives.
/// </summary>
public sealed record LesionMatch(IReadOnlyList<float?> LesionScores, IReadOnlyList<float> FalsePositiveScores);
