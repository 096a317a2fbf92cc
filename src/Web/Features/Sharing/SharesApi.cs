using TumorWeb.Data.Entities.Accounts;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Sharing;

/// <summary>What creating a link answers: the URL carries the secret and is shown this once.</summary>
public sealed record CreatedShareView(int Id, string Url, DateTimeOffset ExpiresAt);

/// <summary>A listed link: never its secret or hash.</summary>
public sealed record ShareView(int Id, SharedRunKind Kind, int RunId, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static ShareView From(ShareLink l, DateTimeOffset now) =>
        new(l.Id, l.Kind, l.RunId, l.CreatedBy, l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.StateAt(now) == ShareLinkState.Active);
}

/// <summary>The body of a create request; days defaults to <see cref="ShareLifetime.DefaultDays"/>.</summary>
public sealed record ShareRequest(int? Days);

/// <summary>
/// /api/evaluations/{id}/shares and /api/training/{id}/shares (create, Operate policy),
/// /api/shares (list, any signed-in user) and DELETE /api/shares/{id} (revoke, Operate policy).
/// </summary>
public static class SharesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/evaluations/{id:int}/shares", (int id, ShareRequest? body, HttpContext context, ShareLinks links, ShareLinkBase linkBase, CancellationToken ct) =>
            CreateAsync(SharedRunKind.Evaluation, id, body, context, links, linkBase, ct)).RequireAuthorization(LabRoles.OperatePolicy);
        api.MapPost("/training/{id:int}/shares", (int id, ShareRequest? body, HttpContext context, ShareLinks links, ShareLinkBase linkBase, CancellationToken ct) =>
            CreateAsync(SharedRunKind.Training, id, body, context, links, linkBase, ct)).RequireAuthorization(LabRoles.OperatePolicy);
        api.MapGet("/shares", ListAsync);
        api.MapDelete("/shares/{id:int}", async (int id, HttpContext context, ShareLinks links, CancellationToken ct) =>
            await links.RevokeAsync(SignedInUser.NameOf(context.User), id, ct)
                ? Results.NoContent()
                : ApiResults.NotFound($"share link {id} does not exist or is already revoked")).RequireAuthorization(LabRoles.OperatePolicy);
    }

    private static async Task<IResult> CreateAsync(SharedRunKind kind, int runId, ShareRequest? body, HttpContext context, ShareLinks links,
        ShareLinkBase linkBase, CancellationToken ct)
    {
        try
        {
            var created = await links.CreateAsync(SignedInUser.NameOf(context.User), kind, runId, body?.Days ?? ShareLifetime.DefaultDays, ct);
            return Results.Created($"/api/shares/{created.Link.Id}",
                new CreatedShareView(created.Link.Id, ShareUrls.Page(linkBase.For(context.Request), created.Secret), created.Link.ExpiresAt));
        }
        catch (ShareLinkException e)
        {
            return e.UnknownRun ? ApiResults.NotFound(e.Message) : ApiResults.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> ListAsync(string? kind, int? runId, ShareLinks links, CancellationToken ct)
    {
        SharedRunKind? parsed = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<SharedRunKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k))
                return ApiResults.BadRequest($"kind '{kind}' is not one of {string.Join(", ", Enum.GetNames<SharedRunKind>())}");
            parsed = k;
        }
        var now = links.Now;
        return Results.Ok((await links.ListAsync(parsed, runId, ct)).Select(l => ShareView.From(l, now)));
    }
}
