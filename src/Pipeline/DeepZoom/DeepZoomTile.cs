using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>
/// How to make one tile: read <see cref="Read"/> from the slide, then scale it to
/// <see cref="Width"/> x <see cref="Height"/> (the tile's size, overlap included).
/// </summary>
public readonly record struct DeepZoomTile(int Level, int Column, int Row, RegionRequest Read, int Width, int Height)
{
    public bool NeedsScaling => Read.Width != Width || Read.Height != Height;
}
