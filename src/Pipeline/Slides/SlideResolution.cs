using System.Globalization;

namespace TumorWeb.Pipeline.Slides;

/// <summary>Microns per level-0 pixel in x and y, and where the number came from.</summary>
public sealed record MicronsPerPixel(double X, double Y, string Source)
{
    public const string FromOpenSlide = "openslide.mpp-x";
    public const string FromTiffTags = "TIFF resolution tags";
    public const string FromUser = "--mpp";
}

/// <summary>
/// A slide's resolution: OpenSlide's <c>openslide.mpp-x</c>/<c>-y</c> when the vendor format has them,
/// else the TIFF resolution tags, which OpenSlide 3.4.1 lists for generic TIFFs as
/// <c>tiff.XResolution</c>, <c>tiff.YResolution</c> (pixels per unit) and <c>tiff.ResolutionUnit</c>
/// (<c>centimeter</c> or <c>inch</c>; <c>none</c> says nothing about size).
/// </summary>
public static class SlideResolution
{
    /// <summary>
    /// Coarser tag resolutions are not a microscope's: libvips writes 1 pixel per millimetre (1000 µm)
    /// into every TIFF it is told nothing about, so such tags are taken as "unknown".
    /// </summary>
    public const double MaxTagMpp = 100;

    public static MicronsPerPixel? Of(SlideMetadata slide)
    {
        if (slide.MppX is double x && x > 0 && double.IsFinite(x))
            return new MicronsPerPixel(x, slide.MppY is double y && y > 0 && double.IsFinite(y) ? y : x, MicronsPerPixel.FromOpenSlide);
        return FromTiffTags(slide.Properties);
    }

    /// <summary>The slide's resolution, or the user's <paramref name="userMpp"/> when given; null when neither is known.</summary>
    public static MicronsPerPixel? Of(SlideMetadata slide, double? userMpp) =>
        userMpp is { } mpp ? new MicronsPerPixel(mpp, mpp, MicronsPerPixel.FromUser) : Of(slide);

    /// <summary>The slide's resolution, or an error naming the file and the way out.</summary>
    public static MicronsPerPixel Require(SlideMetadata slide, double? userMpp = null) =>
        Of(slide, userMpp) ?? throw new SlideException(slide.Path,
            "the slide does not say its resolution (no openslide.mpp-x, no TIFF XResolution with a centimeter or inch unit); give it with --mpp");

    public static MicronsPerPixel? FromTiffTags(IReadOnlyDictionary<string, string> properties)
    {
        var micronsPerUnit = properties.GetValueOrDefault("tiff.ResolutionUnit") switch
        {
            "centimeter" => 10_000.0,
            "inch" => 25_400.0,
            _ => (double?)null,
        };
        if (micronsPerUnit is not { } unit || PixelsPerUnit(properties, "tiff.XResolution") is not { } perUnitX) return null;
        var perUnitY = PixelsPerUnit(properties, "tiff.YResolution") ?? perUnitX;
        var (x, y) = (unit / perUnitX, unit / perUnitY);
        return x <= MaxTagMpp && y <= MaxTagMpp ? new MicronsPerPixel(x, y, MicronsPerPixel.FromTiffTags) : null;
    }

    private static double? PixelsPerUnit(IReadOnlyDictionary<string, string> properties, string key) =>
        properties.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value > 0 && double.IsFinite(value) ? value : null;
}
