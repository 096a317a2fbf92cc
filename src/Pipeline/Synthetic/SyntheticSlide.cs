namespace TumorWeb.Pipeline.Synthetic;

/// <summary>One generated slide: its three files and the tumor polygons drawn into it (level-0 pixels).</summary>
public sealed record SyntheticSlide(
    string Name,
    string SlidePath,
    string MaskPath,
    string AnnotationPath,
    int Width,
    int Height,
    bool HasTumor,
    IReadOnlyList<SynthPolygon> TumorPolygons);
