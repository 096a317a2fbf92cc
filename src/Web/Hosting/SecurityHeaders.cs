namespace TumorWeb.Web.Hosting;

/// <summary>
/// Headers on every answer that stop browsers from guessing content types (a slide file served as
/// HTML), from framing the app inside another site (clickjacking), and from leaking slide and run
/// ids to other sites in the Referer header.
/// </summary>
public static class SecurityHeaders
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Content-Security-Policy"] = "frame-ancestors 'none'",
        ["Referrer-Policy"] = "same-origin",
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            foreach (var (name, value) in Values) context.Response.Headers[name] = value;
            return next(context);
        });
}
