using System.Net;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Tests.Hosting;

public class KnownProxiesTests
{
    [Fact]
    public void WithNoProxyListedForwardedHeadersAreNotRead() => Assert.Null(KnownProxies.OptionsFor([]));

    [Fact]
    public void OnlyTheListedAddressesAndNetworksAreTrusted()
    {
        var options = KnownProxies.OptionsFor([" 10.1.2.3 ", "::1", "192.168.0.0/16"])!;

        Assert.Equal([IPAddress.Parse("10.1.2.3"), IPAddress.IPv6Loopback], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.0.0/16")], options.KnownIPNetworks);
        Assert.Equal(1, options.ForwardLimit);
    }

    [Theory]
    [InlineData("proxy.lab.example")]
    [InlineData("10.0.0.0/99")]
    public void AnEntryThatIsNeitherAnAddressNorANetworkStopsTheStartNamingIt(string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => KnownProxies.OptionsFor([entry]));

        Assert.Equal($"TumorWeb:KnownProxies: '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8)", error.Message);
    }
}
