namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>The colour maps a heatmap can be drawn in: jet (the seed's) or viridis (perceptually uniform).</summary>
public enum HeatmapColormap
{
    Jet,
    Viridis,
}

public static class HeatmapColormaps
{
    /// <summary>The names used in URLs and on the command line, in the order they are offered.</summary>
    public static readonly IReadOnlyList<string> Names = ["jet", "viridis"];

    public static (byte R, byte G, byte B) Colour(this HeatmapColormap colormap, float value) => colormap switch
    {
        HeatmapColormap.Viridis => ViridisColormap.Colour(value),
        _ => JetColormap.Colour(value),
    };

    public static string Name(this HeatmapColormap colormap) => Names[(int)colormap];

    /// <summary>The colour map of <paramref name="name"/> (any case), or null when there is none by that name.</summary>
    public static HeatmapColormap? Parse(string? name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return (HeatmapColormap)i;
        return null;
    }
}
