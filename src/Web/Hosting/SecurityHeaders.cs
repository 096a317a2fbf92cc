namespace TumorWeb.Web.Hosting;

/// <summary>
/// Headers on every answer that stop browsers from guessing content types (a slide file served as
/// HTML), from framing the app inside another site (clickjacking), and from leaking slide and run
/// ids to other sites in the Referer header.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the app's own files (no inline script); 'unsafe-eval' because the annotation
    /// layer of the viewer (Annotorious draws with PixiJS 7) compiles its WebGL uniform uploads with
    /// new Function and refuses to start without it, and its bundle leaves no way to swap in PixiJS's
    /// eval-free module; inline script stays refused. Styles may be inline because
    /// MudBlazor and ApexCharts set style attributes; images also from data: and blob: (the viewer
    /// hands overlay copies to OpenSeadragon as blobs); connections (the Blazor circuit, the hub) only
    /// back to the app.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["Referrer-Policy"] = "same-origin",
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            foreach (var (name, value) in Values) context.Response.Headers[name] = value;
            return next(context);
        });
}
