namespace TumorWeb.Web.Features.Sharing;

/// <summary>
/// Every answer under /share: never cached (a revoked link must stop working at once, also in a
/// shared proxy) and never indexed by a search engine that found the link somewhere.
/// </summary>
public static class ShareResponses
{
    public const string InvalidLink = "This link is not valid or has expired.";

    public static void MarkPrivate(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex";
    }
}
