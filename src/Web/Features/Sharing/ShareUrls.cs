using TumorWeb.Data.Entities.Accounts;

namespace TumorWeb.Web.Features.Sharing;

/// <summary>The addresses of a share link: the page, and the images the page shows.</summary>
public static class ShareUrls
{
    public const string Prefix = "s_";

    /// <summary>The absolute link for <paramref name="baseUri"/> (the app's root, with or without its trailing slash).</summary>
    public static string Page(string baseUri, string secret) => $"{baseUri.TrimEnd('/')}/share/{Uri.EscapeDataString(secret)}";

    /// <summary>Relative to the page's &lt;base href="/"&gt;.</summary>
    public static string SlideFile(string secret, int evaluationSlideId, string file) =>
        $"share/{Uri.EscapeDataString(secret)}/slides/{evaluationSlideId}/{file}";

    /// <summary>The read-only deep-zoom viewer of one slide of a shared evaluation, relative to the page's base.</summary>
    public static string Viewer(string secret, int evaluationSlideId) => $"share/{Uri.EscapeDataString(secret)}/viewer/{evaluationSlideId}";

    public static string Describe(SharedRunKind kind, int runId) =>
        kind == SharedRunKind.Evaluation ? $"evaluation {runId}" : $"training run {runId}";
}
