namespace TumorWeb.Pipeline.Grid;

/// <summary>Settings of the grid stage. The defaults reproduce the seed (128-pixel cells).</summary>
public sealed record GridOptions
{
    public const int DefaultTumorSlideThreshold = 100;

    /// <summary>256 megapixels: about 770 MB of RGB decoded tile by tile, a few seconds of one core.</summary>
    public const long DefaultMaxTissuePixels = 256_000_000;

    /// <summary>Cell edge in level-0 pixels.</summary>
    public int CellSize { get; init; } = AnalysisGrid.DefaultCellSize;

    /// <summary>Cell edge in microns instead: each slide's cell is round(CellMicrons / its mpp) level-0 pixels.</summary>
    public double? CellMicrons { get; init; }

    /// <summary>Microns per level-0 pixel given by the user; it overrides what the slide says.</summary>
    public double? Mpp { get; init; }

    /// <summary>Tissue components (8-connected) with fewer cells than this are dropped; 0 or 1 keeps all.</summary>
    public int MinTissueArea { get; init; } = 4;

    /// <summary>A slide with at least this many tumor cells is a tumor slide.</summary>
    public int TumorSlideThreshold { get; init; } = DefaultTumorSlideThreshold;

    /// <summary>Cells per side of one mask read: 16 cells of 128 are 2048x2048 level-0 pixels (12 MiB).</summary>
    public int MaskTileCells { get; init; } = 16;

    /// <summary>How many tiles are read at once; each reader holds one tile buffer.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>An ASAP annotation file with more vertices than this is refused (10 million hold 160 MB of points).</summary>
    public int MaxAnnotationVertices { get; init; } = Annotations.AsapAnnotationReader.DefaultMaxVertices;

    /// <summary>
    /// Most pixels tissue detection may decode (the level it reads, whole); a slide with no level
    /// near the cell size and a larger level 0 is refused instead of read.
    /// </summary>
    public long MaxTissuePixels { get; init; } = DefaultMaxTissuePixels;

    /// <summary>These options for one slide: a cell size in microns becomes that slide's pixels.</summary>
    /// <exception cref="Slides.SlideException">Microns were asked for and the slide's resolution is unknown.</exception>
    public GridOptions ForSlide(Slides.SlideMetadata slide) =>
        CellMicrons is { } microns ? this with { CellSize = PhysicalSize.Pixels(microns, Slides.SlideResolution.Require(slide, Mpp)) } : this;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CellSize);
        if (CellMicrons is { } m && !(m > 0 && double.IsFinite(m))) throw new ArgumentOutOfRangeException(nameof(CellMicrons), $"the cell size in microns must be positive (got {m})");
        if (Mpp is { } mpp && !(mpp > 0 && double.IsFinite(mpp))) throw new ArgumentOutOfRangeException(nameof(Mpp), $"microns per pixel must be positive (got {mpp})");
        ArgumentOutOfRangeException.ThrowIfNegative(MinTissueArea);
        ArgumentOutOfRangeException.ThrowIfNegative(TumorSlideThreshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaskTileCells);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDegreeOfParallelism);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxAnnotationVertices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTissuePixels);
    }
}
