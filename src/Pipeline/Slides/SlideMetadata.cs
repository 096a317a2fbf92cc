namespace TumorWeb.Pipeline.Slides;

/// <summary>One pyramid level: its size in pixels and how much smaller than level 0 it is.</summary>
public sealed record SlideLevel(long Width, long Height, double Downsample);

/// <summary>What a slide says about itself. Microns per pixel is null when the file does not say.</summary>
public sealed record SlideMetadata(
    string Path,
    string Vendor,
    IReadOnlyList<SlideLevel> Levels,
    double? MppX,
    double? MppY,
    int? TileWidth,
    int? TileHeight,
    IReadOnlyList<string> AssociatedImages,
    IReadOnlyDictionary<string, string> Properties)
{
    public long Width => Levels[0].Width;
    public long Height => Levels[0].Height;

    /// <summary>The level to read for a wanted downsample: the most detailed level not finer than needed.</summary>
    public int BestLevelForDownsample(double downsample)
    {
        var best = 0;
        for (var i = 1; i < Levels.Count; i++)
            if (Levels[i].Downsample <= downsample + 1e-9) best = i;
        return best;
    }
}
