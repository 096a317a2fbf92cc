namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// Lesion labels on a row-major grid: 0 for cells outside any lesion, 1..<see cref="Count"/> for the
/// lesion a cell belongs to, numbered in the order their first cell appears row by row.
/// </summary>
public sealed record LesionMap(int Width, int Height, int[] Labels, int Count)
{
    public int LabelAt(int x, int y) => Labels[y * Width + x];
}
