using System.Globalization;
using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>The legend's colour bar: a colour map as a CSS gradient, transparent below the threshold as the overlay is.</summary>
public static class ColormapGradient
{
    /// <summary>Stops every 0.05 (and one on each side of the threshold, for a sharp edge) follow the maps' ramps closely.</summary>
    public static string Css(HeatmapColormap colormap, float threshold)
    {
        var steps = Enumerable.Range(0, 21).Select(i => i / 20f).ToList();
        var hidden = steps.Where(x => x < threshold).Select(x => Stop("transparent", x));
        var edge = threshold > 0 ? [Stop("transparent", threshold)] : Array.Empty<string>();
        var shown = steps.Where(x => x > threshold).Prepend(threshold).Select(x => Stop(Rgb(colormap.Colour(x)), x));
        return "linear-gradient(to right, " + string.Join(", ", hidden.Concat(edge).Concat(shown)) + ")";
    }

    public static string Rgb((byte R, byte G, byte B) colour) => $"rgb({colour.R}, {colour.G}, {colour.B})";

    private static string Stop(string colour, float x) => string.Create(CultureInfo.InvariantCulture, $"{colour} {x * 100:0.#}%");
}
