using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>/api/tokens: the signed-in user's own API tokens. The token itself is sent once, by the POST that makes it.</summary>
public static class TokensApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/tokens");
        tokens.MapGet("/", ListAsync);
        tokens.MapPost("/", CreateAsync);
        tokens.MapDelete("/{id:int}", RevokeAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ApiTokens tokens, CancellationToken ct) =>
        SignedInUser.IdOf(http.User) is { } userId
            ? Results.Ok((await tokens.ListAsync(userId, ct)).Select(TokenView.From))
            : Results.Unauthorized();

    private static async Task<IResult> CreateAsync(HttpRequest request, ApiTokens tokens)
    {
        if (SignedInUser.IdOf(request.HttpContext.User) is not { } userId) return Results.Unauthorized();
        // A leaked token that could mint tokens would outlive its own revocation: only a person's session makes them.
        if (ApiTokenAuthentication.ReadToken(request) is not null)
            return ApiResults.Forbidden("an API token cannot create API tokens; sign in and create one on the tokens page");
        var (body, problem) = await JsonBody.ReadAsync<NewTokenRequest>(request);
        if (body is null) return problem!;
        try
        {
            var (token, secret) = await tokens.CreateAsync(SignedInUser.NameOf(request.HttpContext.User), userId, body.Name ?? "", request.HttpContext.RequestAborted);
            return Results.Created($"/api/tokens/{token.Id}", new CreatedTokenView(token.Id, token.Name, token.Prefix, secret));
        }
        catch (AccountException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> RevokeAsync(int id, HttpContext http, ApiTokens tokens, CancellationToken ct)
    {
        if (SignedInUser.IdOf(http.User) is not { } userId) return Results.Unauthorized();
        return await tokens.RevokeAsync(SignedInUser.NameOf(http.User), userId, id, ct)
            ? Results.NoContent()
            : ApiResults.NotFound($"you have no live API token {id}");
    }
}
