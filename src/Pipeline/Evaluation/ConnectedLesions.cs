namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Ground-truth lesions: the 8-connected components of the tumor cells of a grid.</summary>
public static class ConnectedLesions
{
    /// <exception cref="ArgumentException">The mask does not hold width x height cells.</exception>
    public static LesionMap Label(IReadOnlyList<bool> tumor, int width, int height)
    {
        GridCheck.Size("Lesion labelling", tumor.Count, width, height);
        var labels = new int[tumor.Count];
        var stack = new Stack<int>();
        var count = 0;
        for (var seed = 0; seed < labels.Length; seed++)
        {
            if (!tumor[seed] || labels[seed] != 0)
                continue;
            count++;
            Flood(tumor, labels, width, height, seed, count, stack);
        }
        return new LesionMap(width, height, labels, count);
    }

    // Iterative flood fill: a recursive one would overflow the stack on a lesion of a million cells.
    private static void Flood(IReadOnlyList<bool> tumor, int[] labels, int width, int height, int seed, int label, Stack<int> stack)
    {
        labels[seed] = label;
        stack.Push(seed);
        while (stack.TryPop(out var cell))
        {
            int x = cell % width, y = cell / width;
            for (var ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
            for (var nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
            {
                var neighbour = ny * width + nx;
                if (!tumor[neighbour] || labels[neighbour] != 0)
                    continue;
                labels[neighbour] = label;
                stack.Push(neighbour);
            }
        }
    }
}
