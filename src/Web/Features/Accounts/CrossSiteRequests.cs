namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// Refuses what another site can make a signed-in browser send: an unsafe request (POST, PUT, PATCH,
/// DELETE) to the API or the account forms, and the opening of a hub or circuit WebSocket, whose
/// Origin is another site. SameSite=Lax alone let cross-origin posts without a body through.
/// Requests with an API token are not a browser's ambient credentials and pass.
/// </summary>
public static class CrossSiteRequests
{
    public static IApplicationBuilder UseCrossSiteRefusal(this IApplicationBuilder app)
    {
        // Read once: the middleware sees every tile request.
        var publicOrigin = PublicOrigin(app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.TumorWebOptions>>().Value);
        return app.Use(async (context, next) =>
        {
            if (IsGuarded(context.Request) && ApiTokenAuthentication.ReadToken(context.Request) is null && IsCrossSite(context.Request, publicOrigin))
            {
                await Results.Problem("a request from another site cannot act with this app's sign-in cookie",
                    statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }

    private static string? PublicOrigin(Hosting.TumorWebOptions options) =>
        Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    private static bool IsGuarded(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/_blazor") ||
        (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method) &&
         (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/account")));

    /// <summary>
    /// Browsers send Origin on such requests (and Sec-Fetch-Site); a client that sends neither is no
    /// browser. The app's own origin is the one the request reached, or the configured public address.
    /// </summary>
    public static bool IsCrossSite(HttpRequest request, string? publicOrigin = null)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(origin, publicOrigin, StringComparison.OrdinalIgnoreCase);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "cross-site" or "same-site";
    }
}
