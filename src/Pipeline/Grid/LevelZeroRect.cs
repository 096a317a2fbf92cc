namespace TumorWeb.Pipeline.Grid;

/// <summary>A rectangle in level-0 pixels; X and Y may be negative or past the slide edge.</summary>
public readonly record struct LevelZeroRect(long X, long Y, int Width, int Height);
