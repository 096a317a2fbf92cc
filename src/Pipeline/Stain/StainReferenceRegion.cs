using System.Globalization;

namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// A region of a slide picked as the stain reference, written "slide.tif@x,y,w,h" (level-0 pixels),
/// as <c>--stain-reference</c> and the viewer's "use this view as reference" give it.
/// </summary>
public sealed record StainReferenceRegion(string SlidePath, long X, long Y, long Width, long Height)
{
    public static StainReferenceRegion Parse(string spec)
    {
        var at = spec.LastIndexOf('@');
        var parts = at < 0 ? [] : spec[(at + 1)..].Split(',');
        if (at <= 0 || parts.Length != 4
            || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var w)
            || !long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var h))
            throw new ArgumentException($"stain reference must be slide@x,y,w,h in level-0 pixels, e.g. normal_001.tif@1024,2048,512,512 (got {spec})");
        Settings.Require(x >= 0 && y >= 0, $"stain reference region must start at x, y of 0 or more (got {x},{y})");
        Settings.Require(w >= 16 && h >= 16, $"stain reference region must be at least 16 x 16 pixels (got {w} x {h})");
        return new StainReferenceRegion(spec[..at], x, y, w, h);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SlidePath}@{X},{Y},{Width},{Height}");
}
