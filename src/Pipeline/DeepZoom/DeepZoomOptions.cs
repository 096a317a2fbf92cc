namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>
/// How a slide is cut into Deep Zoom tiles. The defaults are OpenSlide's deepzoom defaults: 254-pixel
/// tiles with a 1-pixel overlap, so an interior tile is 256 x 256 (a power of two for the browser)
/// and neighbours share a pixel, which hides seams when the viewer draws between two zoom levels.
/// </summary>
public sealed record DeepZoomOptions
{
    public int TileSize { get; init; } = 254;
    public int Overlap { get; init; } = 1;
    public int JpegQuality { get; init; } = 80;

    /// <summary>
    /// The most source pixels one tile may read (16 Mpx is 64 MiB of ARGB). A slide without a small
    /// enough pyramid level cannot serve its overview levels without holding most of level 0.
    /// </summary>
    public long MaxSourcePixels { get; init; } = 4096L * 4096;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TileSize);
        ArgumentOutOfRangeException.ThrowIfNegative(Overlap);
        ArgumentOutOfRangeException.ThrowIfLessThan(JpegQuality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JpegQuality, 100);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSourcePixels);
    }
}
