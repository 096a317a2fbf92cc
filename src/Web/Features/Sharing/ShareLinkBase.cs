using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Sharing;

/// <summary>
/// The root a share link starts with: TumorWeb:PublicBaseUrl when set, else the scheme and host the request
/// reached the app with (forwarded ones only from a known proxy). A Host header is the caller's to choose,
/// so a lab that hands links out should set the public address.
/// </summary>
public sealed class ShareLinkBase
{
    private readonly string? _publicBaseUrl;

    public ShareLinkBase(IOptions<TumorWebOptions> options) => _publicBaseUrl = Validated(options.Value.PublicBaseUrl);

    public string For(HttpRequest request) => _publicBaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    public string For(NavigationManager navigation) => _publicBaseUrl ?? navigation.BaseUri;

    private static string? Validated(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
            return uri.GetLeftPart(UriPartial.Path);
        throw new InvalidOperationException($"TumorWeb:PublicBaseUrl: '{url}' is not an http or https address without query or fragment (https://tumorweb.lab.example)");
    }
}
