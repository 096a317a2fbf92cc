using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities.Accounts;
using TumorWeb.Web.Features.Runs;

namespace TumorWeb.Web.Features.Sharing;

/// <summary>
/// The images of a share page, for visitors without an account: only the images of the shared
/// evaluation's own slides, addressed by slide id. Anything else answers 404, as an invalid link does.
/// </summary>
public static class ShareEndpoints
{
    /// <summary>Images only: the data files (cells.csv, heatmap.npy) stay behind the sign-in.</summary>
    private static readonly HashSet<string> SharedFiles = ["figure.png", "heatmap.png"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/share/{secret}/slides/{slideId:int}/{file}", SlideImageAsync).AllowAnonymous();
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
