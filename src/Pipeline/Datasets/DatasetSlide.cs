namespace TumorWeb.Pipeline.Datasets;

/// <summary>A slide of a dataset folder with the ground truth found beside it, if any.</summary>
public sealed record DatasetSlide(string Name, string SlidePath, string? MaskPath, string? AnnotationPath);
