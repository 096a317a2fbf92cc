namespace TumorWeb.Pipeline.Mining;

/// <summary>A candidate normal cell of a training slide and the model's tumor probability for it.</summary>
public readonly record struct ScoredCell(string Slide, int X, int Y, float Score);
