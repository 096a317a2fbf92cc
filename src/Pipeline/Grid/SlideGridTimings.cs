namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// Wall-clock seconds of the grid's two scans: tissue (thumbnail and detection) and tumor (mask
/// scan or annotation rasterising, with the slide files already open).
/// </summary>
public sealed record SlideGridTimings(double TissueSeconds, double TumorSeconds);
