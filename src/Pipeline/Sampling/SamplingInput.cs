namespace TumorWeb.Pipeline.Sampling;

/// <summary>A slide as sampling sees it: its grid cells by class, its role and its split.</summary>
public sealed record SamplingSlide(
    string Name,
    bool IsTumorSlide,
    SlideSplit Split,
    IReadOnlyList<GridCell> TumorCells,
    IReadOnlyList<GridCell> NormalCells);

/// <summary>The seed's ratios: 1/3 of each tumor slide's tumor cells, half as many normal cells beside them.</summary>
public sealed record SamplingOptions(int Seed = 0, double TumorFraction = 1.0 / 3, double NormalPerTumor = 0.5);

/// <summary>One cell chosen for a training patch.</summary>
public readonly record struct SampledCell(string Slide, int X, int Y, CellLabel Label, SlideSplit Split);
