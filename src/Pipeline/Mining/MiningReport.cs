namespace TumorWeb.Pipeline.Mining;

/// <summary>
/// What a mining run did: the derived run, its source, how many candidates were scored on how many
/// training slides, and the cells added (best first).
/// </summary>
public sealed record MiningReport(
    int RunId,
    int SourceRunId,
    string OutputDirectory,
    string Derivation,
    int Top,
    int TrainingSlides,
    long Candidates,
    IReadOnlyList<ScoredCell> Mined,
    int OriginalPatches,
    int Patches,
    bool PacksLinked,
    double Seconds,
    double CellsPerSecond);

/// <summary>A mining run's progress: its derived run (once its row exists), the fraction done and what it is doing.</summary>
public sealed record MiningProgress(int RunId, double Fraction, string? Message);
