using TumorWeb.Pipeline.Extraction;

namespace TumorWeb.Web.Cli;

/// <summary>The JSON shape of <c>extract --json</c>; field names are an interface for scripts.</summary>
public sealed record ExtractionJson(
    int RunId,
    string OutputDirectory,
    string Status,
    string? Error,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ExtractionJson.Slide> Slides,
    ExtractionJson.Total Totals,
    double GridSeconds,
    double ExtractSeconds,
    double PatchesPerSecond)
{
    public sealed record Slide(string Name, string Role, string Split, int TissueCells, int TumorCells, int NormalCells,
        int TumorExtracted, int NormalExtracted, int Extracted, string Status, string? Error);

    public sealed record Total(int TissueCells, int TumorCells, int NormalCells, int TumorExtracted, int NormalExtracted, int Extracted, int FailedSlides);

    public static ExtractionJson From(ExtractionReport r) => new(
        r.RunId, r.OutputDirectory, r.Status.ToString(), r.Error, r.Warnings,
        r.Slides.Select(s => new Slide(s.Name, s.Role.ToString(), s.Split.ToString(), s.TissueCells, s.TumorCells, s.NormalCells,
            s.TumorExtracted, s.NormalExtracted, s.Extracted, s.Status.ToString(), s.Error)).ToList(),
        new Total(r.Slides.Sum(s => s.TissueCells), r.Slides.Sum(s => s.TumorCells), r.Slides.Sum(s => s.NormalCells),
            r.TumorExtracted, r.NormalExtracted, r.Extracted, r.FailedSlides),
        r.GridSeconds, r.ExtractSeconds, r.PatchesPerSecond);
}
