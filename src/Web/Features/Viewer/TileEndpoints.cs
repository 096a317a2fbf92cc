using System.Globalization;
using Microsoft.Extensions.Options;
using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>The Deep Zoom descriptor and JPEG tiles of a registered slide, addressed by its id only.</summary>
public static class TileEndpoints
{
    public static void MapTiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/slides/{id:int}/dzi.dzi", DescriptorAsync);
        app.MapGet("/slides/{id:int}/dzi_files/{level:int}/{column:int}_{row:int}.jpeg",
            (int id, int level, int column, int row, HttpContext http, SlideHandles handles, SlideTiles tiles, IOptions<ViewerOptions> options, CancellationToken ct) =>
                TileAsync(id, level, column, row, http, handles, tiles, PrivateCaching(options.Value), ct));
    }

    /// <summary>Browsers keep a signed-in user's tiles for a while; share links ask for none (see ShareResponses).</summary>
    private static string PrivateCaching(ViewerOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"private, max-age={options.TileMaxAgeSeconds}");

    /// <summary>The DZI of a registered slide; also serves share links, which resolve the slide first.</summary>
    internal static async Task<IResult> DescriptorAsync(int id, SlideHandles handles, CancellationToken ct)
    {
        using var lease = await TryAcquire(handles, id, ct);
        if (lease.Problem is not null) return lease.Problem;
        return Results.Text(DziDescriptor.Xml(lease.Slide!.Geometry), "application/xml");
    }

    /// <summary>A JPEG tile with <paramref name="cacheControl"/>; also serves share links, which resolve the slide first.</summary>
    internal static async Task<IResult> TileAsync(int id, int level, int column, int row, HttpContext http,
        SlideHandles handles, SlideTiles tiles, string cacheControl, CancellationToken ct)
    {
        using var lease = await TryAcquire(handles, id, ct);
        if (lease.Problem is not null) return lease.Problem;
        var slide = lease.Slide!;
        if (!slide.Geometry.Contains(level, column, row))
            return Results.NotFound($"slide {id} has no Deep Zoom tile {level}/{column}_{row}");
        var etag = $"\"{slide.Version}-{level}-{column}-{row}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = cacheControl;
        if (http.Request.Headers.IfNoneMatch.Contains(etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        try
        {
            var (jpeg, cached) = await tiles.GetAsync(slide, level, column, row, ct);
            http.Response.Headers["X-Tile-Cache"] = cached ? "hit" : "miss";
            return Results.Bytes(jpeg, "image/jpeg");
        }
        catch (SlideException e)
        {
            return Unreadable(e);
        }
    }

    private static async Task<AcquiredSlide> TryAcquire(SlideHandles handles, int id, CancellationToken ct)
    {
        try
        {
            var lease = await handles.AcquireAsync(id, ct);
            return lease is null ? new AcquiredSlide(null, Results.NotFound($"no registered slide {id}")) : new AcquiredSlide(lease, null);
        }
        catch (SlideException e)
        {
            return new AcquiredSlide(null, Unreadable(e));
        }
    }

    internal static IResult Unreadable(Exception e) =>
        Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The slide cannot be read");

    private sealed record AcquiredSlide(SlideLease? Lease, IResult? Problem) : IDisposable
    {
        public ViewerSlide? Slide => Lease?.Slide;
        public void Dispose() => Lease?.Dispose();
    }
}
