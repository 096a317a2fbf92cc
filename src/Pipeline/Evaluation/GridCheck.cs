namespace TumorWeb.Pipeline.Evaluation;

internal static class GridCheck
{
    public static void Size(string what, int cells, int width, int height)
    {
        if (width < 0 || height < 0 || (long)width * height != cells)
            throw new ArgumentException($"{what}: a {width} x {height} grid needs {(long)width * height} cells, got {cells}.");
    }
}
