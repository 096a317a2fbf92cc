namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// How far an evaluation run is: a fraction of the whole and a line to show. The first report, with no
/// message, comes as soon as the run's row exists, so a caller can link to the run before any slide is scored.
/// </summary>
public sealed record EvaluationProgress(int RunId, double Fraction, string? Message);
