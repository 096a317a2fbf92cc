using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>/api/users, for admins: list, create, change role or disabled, delete. Password hashes never leave the server.</summary>
public static class UsersApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization(LabRoles.AdminPolicy);
        users.MapGet("/", async (UserAccounts accounts, CancellationToken ct) => Results.Ok(await accounts.ListAsync(ct)));
        users.MapPost("/", CreateAsync);
        users.MapPatch("/{id}", ChangeAsync);
        users.MapDelete("/{id}", DeleteAsync);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, UserAccounts accounts)
    {
        var (body, problem) = await JsonBody.ReadAsync<NewUserRequest>(request);
        if (body is null) return problem!;
        return await AnswerAsync(async () =>
        {
            var user = await accounts.CreateAsync(SignedInUser.NameOf(request.HttpContext.User), body.UserName ?? "", body.Password ?? "", body.Role ?? "");
            return Results.Created($"/api/users/{user.Id}", await accounts.SummaryAsync(user.Id));
        });
    }

    private static async Task<IResult> ChangeAsync(string id, HttpRequest request, UserAccounts accounts)
    {
        var (body, problem) = await JsonBody.ReadAsync<UserChangeRequest>(request);
        if (body is null) return problem!;
        if (body.Role is null && body.Disabled is null) return ApiResults.BadRequest("nothing to change: give \"role\" and/or \"disabled\"");
        if (await accounts.SummaryAsync(id) is null) return UnknownUser(id);
        var actor = SignedInUser.NameOf(request.HttpContext.User);
        return await AnswerAsync(async () =>
        {
            if (body.Role is { } role) await accounts.SetRoleAsync(actor, id, role);
            if (body.Disabled is { } disabled) await accounts.SetDisabledAsync(actor, id, disabled);
            return Results.Ok(await accounts.SummaryAsync(id));
        });
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, UserAccounts accounts)
    {
        if (await accounts.SummaryAsync(id) is null) return UnknownUser(id);
        return await AnswerAsync(async () =>
        {
            await accounts.DeleteAsync(SignedInUser.NameOf(http.User), id);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> change)
    {
        try
        {
            return await change();
        }
        catch (AccountException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
    }

    private static IResult UnknownUser(string id) => ApiResults.NotFound($"user {id} does not exist");
}
