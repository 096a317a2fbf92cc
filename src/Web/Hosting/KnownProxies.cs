using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace TumorWeb.Web.Hosting;

/// <summary>
/// Believes X-Forwarded-For, -Proto, -Host and -Prefix only from the proxies in TumorWeb:KnownProxies, so the
/// sign-in limit counts each client's own address and links get the public scheme and host behind a proxy.
/// With none listed the headers are not read at all: ASP.NET Core's default list (loopback) let any local
/// process pick a new address on every request, and its empty lists would believe every sender.
/// </summary>
public static class KnownProxies
{
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<TumorWebOptions>>().Value.KnownProxies;
        if (OptionsFor(proxies) is { } options) app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>Null when no proxy is listed; a listed entry that is neither an address nor a network stops the start.</summary>
    public static ForwardedHeadersOptions? OptionsFor(IReadOnlyList<string> proxies)
    {
        if (proxies.Count == 0) return null;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in proxies.Select(p => p.Trim()))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) options.KnownIPNetworks.Add(network);
            else if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
            else throw new InvalidOperationException($"TumorWeb:KnownProxies: '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8)");
        }
        // ForwardLimit stays 1: only the address the nearest proxy appended is taken, never ones the client wrote before it.
        return options;
    }
}
