using System.Buffers;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>Renders one Deep Zoom tile of a slide as JPEG bytes.</summary>
public static class DeepZoomTiles
{
    public static byte[] RenderJpeg(ISlide slide, DeepZoomGeometry geometry, int level, int column, int row)
    {
        var tile = geometry.Tile(level, column, row);
        var buffer = ArrayPool<byte>.Shared.Rent(tile.Read.ByteCount);
        try
        {
            slide.ReadRegion(tile.Read, buffer);
            return TileJpeg.Encode(buffer, tile.Read.Width, tile.Read.Height, tile.Width, tile.Height, geometry.Options.JpegQuality);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
