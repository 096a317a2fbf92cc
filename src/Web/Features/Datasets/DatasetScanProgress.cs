namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// How far the scan of a dataset has come: slides done of all pending ones, the slide being read,
/// and the overall fraction (within-slide grid progress included). <see cref="Finished"/> comes last.
/// </summary>
public sealed record DatasetScanProgress(int DatasetId, int SlidesDone, int SlideCount, string? Slide, double Fraction, bool Finished = false);
