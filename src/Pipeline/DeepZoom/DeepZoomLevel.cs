namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>One Deep Zoom level: its size in pixels and how many tiles cover it.</summary>
public readonly record struct DeepZoomLevel(long Width, long Height, int Columns, int Rows);
