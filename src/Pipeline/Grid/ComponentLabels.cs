namespace TumorWeb.Pipeline.Grid;

/// <summary>Component numbers per cell (0 = not set) and the size of each component.</summary>
public sealed record ComponentLabels(int Width, int Height, int[] Labels, int[] Sizes)
{
    public int Count => Sizes.Length - 1;
    public int this[int x, int y] => Labels[y * Width + x];
}
