using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TumorWeb.Web.Features.Sharing;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Tests.Sharing;

public class ShareLinkBaseTests
{
    private static ShareLinkBase With(string? publicBaseUrl) => new(Options.Create(new TumorWebOptions { PublicBaseUrl = publicBaseUrl }));

    private static HttpRequest Request()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("tumorweb-01:5077");
        context.Request.PathBase = "/lab";
        return context.Request;
    }

    [Fact]
    public void UnsetTheRequestsOwnSchemeHostAndPathBaseAreUsed() =>
        Assert.Equal("http://tumorweb-01:5077/lab", With(null).For(Request()));

    [Fact]
    public void SetItIsUsedWithItsPath() =>
        Assert.Equal("https://lab.example/tumorweb/share/s_x", ShareUrls.Page(With(" https://lab.example/tumorweb/ ").For(Request()), "s_x"));

    [Theory]
    [InlineData("tumorweb.lab.example")]
    [InlineData("ftp://lab.example")]
    [InlineData("https://lab.example/?next=phish")]
    public void AValueThatIsNotAnHttpAddressStopsTheStart(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => With(value));

        Assert.StartsWith($"TumorWeb:PublicBaseUrl: '{value}' is not an http or https address", error.Message);
    }
}
