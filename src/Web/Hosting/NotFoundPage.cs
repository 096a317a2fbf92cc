namespace TumorWeb.Web.Hosting;

/// <summary>
/// A browser asking for an address the app does not have (/evaluations/abc, /nothing) gets the app's
/// own "not found" page with a way back, not the browser's blank error; the status stays 404, and
/// API, tile and hub answers are left as they are.
/// </summary>
public static class NotFoundPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>Not found · TumorWeb</title><link rel="icon" type="image/svg+xml" href="/favicon.svg" /><link rel="stylesheet" href="/css/app.css" /></head>
        <body><section class="tw-card"><h1>Nothing here</h1><p>TumorWeb has no page at this address.</p>
        <p><a href="/">Back to the dashboard</a></p></section></body></html>
        """;

    public static IApplicationBuilder UseNotFoundPage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted && IsPageRequest(context.Request))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Html);
            }
        });

    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs") && !request.Path.StartsWithSegments("/_blazor");
}
