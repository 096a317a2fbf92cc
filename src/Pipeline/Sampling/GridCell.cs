namespace TumorWeb.Pipeline.Sampling;

/// <summary>A cell of the analysis grid (x = column, y = row), as the seed's level-7 pixel.</summary>
public readonly record struct GridCell(int X, int Y);
