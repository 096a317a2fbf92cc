using Microsoft.AspNetCore.Http.Features;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Hosting;

/// <summary>
/// The JSON API and the account forms: bodies larger than <see cref="TextLimits.RequestBodyBytes"/>
/// are refused with 413 before they are read, a body that does not bind gets a 400 that says why,
/// and JSON answers are never stored by a cache (they can hold a new token's secret or a lab's data).
/// </summary>
public static class ApiRequests
{
    public static IApplicationBuilder UseApiRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsApiOrAccount(context.Request.Path))
            {
                await next(context);
                return;
            }
            if (context.Request.ContentLength > TextLimits.RequestBodyBytes)
            {
                await Results.Problem($"the request body is {context.Request.ContentLength:N0} bytes; at most {TextLimits.RequestBodyBytes:N0} are read",
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large").ExecuteAsync(context);
                return;
            }
            // Bodies without a length (chunked) stop at the same size, where the server supports it.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = TextLimits.RequestBodyBytes;
            context.Response.OnStarting(() =>
            {
                if (context.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
                    context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                // A body of the wrong JSON shape or type would otherwise be a 400 with no word of what is wrong.
                await Results.Problem(e.Message, statusCode: e.StatusCode, title: "Bad request").ExecuteAsync(context);
            }
        });

    private static bool IsApiOrAccount(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/account");
}
