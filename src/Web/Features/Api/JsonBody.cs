using System.Text.Json;
namespace TumorWeb.Web.Features.Api;

/// <summary>Reads a request's JSON body (with the app's JSON options), or the 400 problem that says why it cannot be read.</summary>
internal static class JsonBody
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        try
        {
            var body = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
            return body is null ? (null, ApiResults.BadRequest($"the body must be {typeof(T).Name} JSON, not null")) : (body, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, ApiResults.BadRequest($"the body is not {typeof(T).Name} JSON: {e.Message}"));
        }
    }
}
