using System.Globalization;
using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// How the prediction overlay is drawn: its colour map and the score below which cells are left
/// transparent. Read from the overlay URL's <c>colormap</c> and <c>threshold</c>; without them the
/// overlay is jet on every tissue cell, as the seed drew it.
/// </summary>
public sealed record HeatmapStyle(HeatmapColormap Colormap, float Threshold)
{
    public static readonly HeatmapStyle Seed = new(HeatmapColormap.Jet, 0);

    /// <summary>What the viewer starts with: low scores hidden, so tissue is not painted dark blue.</summary>
    public static readonly HeatmapStyle ViewerDefault = new(HeatmapColormap.Jet, 0.3f);

    /// <summary>The style of the query values, or the problem with them (naming the value and what is allowed).</summary>
    public static (HeatmapStyle? Style, string? Problem) Parse(string? colormap, string? threshold)
    {
        var map = colormap is null ? HeatmapColormap.Jet : HeatmapColormaps.Parse(colormap);
        if (map is null) return (null, $"colormap must be one of {string.Join(", ", HeatmapColormaps.Names)}, not '{colormap}'");
        var value = 0f;
        if (threshold is not null && (!float.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !(value is >= 0 and <= 1)))
            return (null, $"threshold must be a number from 0 to 1, not '{threshold}'");
        return (new HeatmapStyle(map.Value, value), null);
    }

    /// <summary>The query string that asks for this style (starting with '?').</summary>
    public string Query => string.Create(CultureInfo.InvariantCulture, $"?colormap={Colormap.Name()}&threshold={Threshold:0.##}");
}
