namespace TumorWeb.Web.Features.Api;

/// <summary>
/// The JSON API's error answers (see docs/api.md): RFC 7807 problem details whose detail says what is wrong.
/// This folder is the API's shared plumbing only; each resource's endpoints live in its feature folder.
/// </summary>
public static class ApiResults
{
    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult Forbidden(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
