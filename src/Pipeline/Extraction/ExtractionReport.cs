using TumorWeb.Data.Entities;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>One row of the seed's per-slide table, plus what happened to the slide.</summary>
public sealed record SlideReport(
    string Name,
    int TissueCells,
    int TumorCells,
    int NormalCells,
    SlideRole Role,
    DataSplit Split,
    int TumorExtracted,
    int NormalExtracted,
    SlideStatus Status,
    string? Error)
{
    public int Extracted => TumorExtracted + NormalExtracted;

    public static SlideReport From(RunSlide s) => new(s.Name, s.TissueCells, s.TumorCells, s.NormalCells, s.Role, s.Split,
        s.TumorExtracted, s.NormalExtracted, s.Status, s.Error);
}

/// <summary>What an extraction run produced: per-slide rows, totals and how long each stage took.</summary>
public sealed record ExtractionReport(
    int RunId,
    string OutputDirectory,
    RunStatus Status,
    string? Error,
    IReadOnlyList<SlideReport> Slides,
    double GridSeconds,
    double ExtractSeconds,
    int PatchesWrittenNow)
{
    public int TumorExtracted => Slides.Sum(s => s.TumorExtracted);
    public int NormalExtracted => Slides.Sum(s => s.NormalExtracted);
    public int Extracted => TumorExtracted + NormalExtracted;
    public int FailedSlides => Slides.Count(s => s.Status == SlideStatus.Failed);
    public double PatchesPerSecond => ExtractSeconds > 0 ? PatchesWrittenNow / ExtractSeconds : 0;

    /// <summary>Splits far from the promised tumour/normal balance, with the reason.</summary>
    public IReadOnlyList<string> Warnings => SplitBalance.Warnings(Slides);
}
