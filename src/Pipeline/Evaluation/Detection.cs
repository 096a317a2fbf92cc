namespace TumorWeb.Pipeline.Evaluation;

/// <summary>A candidate lesion: a cell (x = column, y = row) of the probability grid and its probability.</summary>
public readonly record struct Detection(int X, int Y, float Score);
