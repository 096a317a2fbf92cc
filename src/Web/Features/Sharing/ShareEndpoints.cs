using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities.Accounts;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Features.Viewer;

namespace TumorWeb.Web.Features.Sharing;

/// <summary>
/// The images of a share page, for visitors without an account: only the images, deep-zoom tiles
/// and overlays of the shared evaluation's own slides, addressed by evaluation slide id. Anything
/// else, and any failure (whose message could name server files), answers 404 as an invalid link does.
/// </summary>
public static class ShareEndpoints
{
    /// <summary>Images only: the data files (cells.csv, heatmap.npy) stay behind the sign-in.</summary>
    private static readonly HashSet<string> SharedFiles = ["figure.png", "heatmap.png"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/share/{secret}/slides/{slideId:int}/{file}", SlideImageAsync).AllowAnonymous();
        app.MapGet("/share/{secret}/slides/{slideId:int}/dzi.dzi", (string secret, int slideId, HttpContext context, ShareLinks links,
                IDbContextFactory<TumorWebDbContext> dbFactory, SlideHandles handles, CancellationToken ct) =>
            ViewerAsync(secret, slideId, context, links, dbFactory, (_, registered) => TileEndpoints.DescriptorAsync(registered, handles, ct), ct))
            .AllowAnonymous();
        app.MapGet("/share/{secret}/slides/{slideId:int}/dzi_files/{level:int}/{column:int}_{row:int}.jpeg", (string secret, int slideId,
                int level, int column, int row, HttpContext context, ShareLinks links, IDbContextFactory<TumorWebDbContext> dbFactory,
                SlideHandles handles, SlideTiles tiles, CancellationToken ct) =>
            ViewerAsync(secret, slideId, context, links, dbFactory,
                (_, registered) => TileEndpoints.TileAsync(registered, level, column, row, context, handles, tiles, NoStore, ct), ct))
            .AllowAnonymous();
        app.MapGet("/share/{secret}/slides/{slideId:int}/overlay.png", (string secret, int slideId, string? colormap, string? threshold,
                HttpContext context, ShareLinks links, IDbContextFactory<TumorWebDbContext> dbFactory, HeatmapOverlays heatmaps, CancellationToken ct) =>
            ViewerAsync(secret, slideId, context, links, dbFactory,
                (evaluationId, _) => OverlayEndpoints.HeatmapAsync(evaluationId, slideId, colormap, threshold, heatmaps, ct), ct))
            .AllowAnonymous();
        app.MapGet("/share/{secret}/slides/{slideId:int}/tumor-outline.json", (string secret, int slideId, HttpContext context,
                ShareLinks links, IDbContextFactory<TumorWebDbContext> dbFactory, SlideOverlays overlays, CancellationToken ct) =>
            ViewerAsync(secret, slideId, context, links, dbFactory,
                (_, registered) => OverlayEndpoints.SlideOverlayAsync(registered, SlideOverlays.TumorOutlineName, overlays, ct), ct))
            .AllowAnonymous();
    }

    private const string NoStore = "no-store";

    /// <summary>
    /// A viewer request of a live evaluation link for one of its slides: <paramref name="answer"/> gets the
    /// evaluation id and the registered slide shown for that slide; a failed answer becomes the link's 404.
    /// </summary>
    private static async Task<IResult> ViewerAsync(string secret, int slideId, HttpContext context, ShareLinks links,
        IDbContextFactory<TumorWebDbContext> dbFactory, Func<int, int, Task<IResult>> answer, CancellationToken ct)
    {
        ShareResponses.MarkPrivate(context.Response);
        var link = await links.ResolveAsync(secret, ct);
        if (link is not { Kind: SharedRunKind.Evaluation }) return NotFound();
        if (await ViewerLinks.RegisteredSlideAsync(dbFactory, link.RunId, slideId, ct) is not { } registered) return NotFound();
        var result = await answer(link.RunId, registered);
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 }) return NotFound();
        // The tile answer set its own caching; every answer under /share is no-store.
        ShareResponses.MarkPrivate(context.Response);
        return result;
    }

    private static async Task<IResult> SlideImageAsync(string secret, int slideId, string file, HttpContext context,
        ShareLinks links, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct)
    {
        ShareResponses.MarkPrivate(context.Response);
        var link = await links.ResolveAsync(secret, ct);
        if (link is not { Kind: SharedRunKind.Evaluation } || !SharedFiles.Contains(file)) return NotFound();
        var folder = await EvaluationSlideFiles.HeatmapFolderAsync(dbFactory, link.RunId, slideId, ct);
        var served = EvaluationSlideFiles.ByName[file];
        return folder is not null && EvaluationSlideFiles.Existing(folder, served) is { } path
            ? Results.File(path, served.ContentType)
            : NotFound();
    }

    private static IResult NotFound() => Results.Text(ShareResponses.InvalidLink, "text/plain", statusCode: StatusCodes.Status404NotFound);
}
