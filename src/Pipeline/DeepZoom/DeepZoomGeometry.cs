using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>
/// The Deep Zoom pyramid of a slide, as OpenSlide's deepzoom generator lays it out: level
/// <c>LevelCount - 1</c> is level 0 of the slide, each level below halves it (rounding up) down to
/// 1 x 1. Each tile is read from the most detailed slide level not finer than the tile needs, then
/// scaled, so a tile never reads much more than about twice its size in each direction.
/// </summary>
public sealed class DeepZoomGeometry
{
    private readonly SlideMetadata _slide;
    private readonly DeepZoomLevel[] _levels;

    public DeepZoomGeometry(SlideMetadata slide, DeepZoomOptions options)
    {
        options.Validate();
        _slide = slide;
        Options = options;
        _levels = LevelSizes(slide.Width, slide.Height)
            .Select(size => new DeepZoomLevel(size.Width, size.Height, TilesCovering(size.Width), TilesCovering(size.Height)))
            .ToArray();
        LowestServableLevel = FindLowestServableLevel();
    }

    public DeepZoomOptions Options { get; }
    public int LevelCount => _levels.Length;
    public long Width => _slide.Width;
    public long Height => _slide.Height;

    /// <summary>Levels below this one would read more than <see cref="DeepZoomOptions.MaxSourcePixels"/> per tile.</summary>
    public int LowestServableLevel { get; }

    public DeepZoomLevel Level(int level) => _levels[level];

    public bool Contains(int level, int column, int row) =>
        level >= LowestServableLevel && level < LevelCount
        && column >= 0 && column < _levels[level].Columns
        && row >= 0 && row < _levels[level].Rows;

    /// <summary>The read and output size of a tile; the tile must exist (<see cref="Contains"/>).</summary>
    public DeepZoomTile Tile(int level, int column, int row)
    {
        if (level < 0 || level >= LevelCount || column < 0 || column >= _levels[level].Columns || row < 0 || row >= _levels[level].Rows)
            throw new ArgumentOutOfRangeException(nameof(level), $"{_slide.Path}: Deep Zoom tile {level}/{column}_{row} does not exist");
        var levelZeroDownsample = Math.Pow(2, LevelCount - 1 - level);
        var slideLevel = _slide.BestLevelForDownsample(levelZeroDownsample);
        var source = _slide.Levels[slideLevel];
        var scale = levelZeroDownsample / source.Downsample;
        var x = Axis(column, _levels[level].Columns, _levels[level].Width, scale, source.Width);
        var y = Axis(row, _levels[level].Rows, _levels[level].Height, scale, source.Height);
        var read = new RegionRequest(slideLevel, (long)(source.Downsample * x.SourceStart), (long)(source.Downsample * y.SourceStart), x.SourceSize, y.SourceSize);
        return new DeepZoomTile(level, column, row, read, x.Size, y.Size);
    }

    /// <summary>
    /// One axis of a tile: its size in the Deep Zoom level (tile plus overlap on the sides that have a
    /// neighbour) and the span of the slide level that covers it, clipped to that level.
    /// </summary>
    private (int Size, double SourceStart, int SourceSize) Axis(int index, int count, long levelSize, double scale, long sourceLimit)
    {
        var overlapBefore = index == 0 ? 0 : Options.Overlap;
        var overlapAfter = index == count - 1 ? 0 : Options.Overlap;
        var location = (long)Options.TileSize * index;
        var size = (int)Math.Min(Options.TileSize, levelSize - location) + overlapBefore + overlapAfter;
        var sourceStart = scale * (location - overlapBefore);
        var sourceSize = (int)Math.Min(Math.Ceiling(scale * size), sourceLimit - Math.Ceiling(sourceStart));
        return (size, sourceStart, Math.Max(1, sourceSize));
    }

    private int FindLowestServableLevel()
    {
        var lowest = LevelCount;
        while (lowest > 0 && LargestRead(lowest - 1) <= Options.MaxSourcePixels) lowest--;
        return lowest;
    }

    /// <summary>The first tile of a level is as large as any other but an interior one, which adds only the overlap.</summary>
    private long LargestRead(int level)
    {
        var first = Tile(level, 0, 0);
        var overlapScale = (double)(Options.TileSize + 2 * Options.Overlap) / Options.TileSize;
        return (long)Math.Ceiling(first.Read.Width * overlapScale) * (long)Math.Ceiling(first.Read.Height * overlapScale);
    }

    private int TilesCovering(long size) => (int)((size + Options.TileSize - 1) / Options.TileSize);

    /// <summary>From 1 x 1 up to level 0: each level is the next one halved, rounding up.</summary>
    internal static IReadOnlyList<(long Width, long Height)> LevelSizes(long width, long height)
    {
        var sizes = new List<(long, long)> { (width, height) };
        while (width > 1 || height > 1)
        {
            width = Math.Max(1, (width + 1) / 2);
            height = Math.Max(1, (height + 1) / 2);
            sizes.Add((width, height));
        }
        sizes.Reverse();
        return sizes;
    }
}
