using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Ground-truth lesions: the 8-connected components of the tumor cells of a grid.</summary>
public static class ConnectedLesions
{
    /// <exception cref="ArgumentException">The mask does not hold width x height cells.</exception>
    public static LesionMap Label(IReadOnlyList<bool> tumor, int width, int height)
    {
        GridCheck.Size("Lesion labelling", tumor.Count, width, height);
        var mask = new CellMask(width, height);
        for (var i = 0; i < tumor.Count; i++)
            if (tumor[i]) mask[i % width, i / width] = true;
        var components = ConnectedComponents.Label(mask);
        return new LesionMap(width, height, components.Labels, components.Count);
    }
}
