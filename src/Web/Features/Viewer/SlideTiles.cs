using Microsoft.Extensions.Options;
using TumorWeb.Pipeline.DeepZoom;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>JPEG tiles of open slides: from the cache, or rendered with at most a few renders at once.</summary>
public sealed class SlideTiles(TileCache cache, IOptions<ViewerOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _renders = new(Math.Max(1, options.Value.MaxConcurrentRenders));

    public static TileKey KeyOf(ViewerSlide slide, int level, int column, int row) => new(slide.Id, slide.Version, level, column, row);

    /// <summary>The tile's JPEG and whether it came from the cache; the tile must exist in the slide's geometry.</summary>
    public async Task<(byte[] Jpeg, bool Cached)> GetAsync(ViewerSlide slide, int level, int column, int row, CancellationToken ct)
    {
        var key = KeyOf(slide, level, column, row);
        if (cache.TryGet(key, out var cached)) return (cached, true);
        await _renders.WaitAsync(ct);
        try
        {
            // A request that waited may find the tile rendered by the one it waited behind.
            if (cache.TryGet(key, out cached)) return (cached, true);
            var jpeg = DeepZoomTiles.RenderJpeg(slide.Slide, slide.Geometry, level, column, row);
            cache.Add(key, jpeg);
            return (jpeg, false);
        }
        finally
        {
            _renders.Release();
        }
    }

    public void Dispose() => _renders.Dispose();
}
