using System.Net;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Admin;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>Another site cannot make a signed-in browser act: unsafe requests and WebSockets from a foreign Origin are refused.</summary>
public sealed class CrossSiteTests : AccountsAppTest
{
    private async Task<HttpClient> OperatorSessionAsync() =>
        await SignInWithPasswordAsync((await CreateUserAsync("olga", LabRoles.Operator)).UserName);

    private static HttpRequestMessage From(string origin, HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Origin", origin);
        return request;
    }

    [Theory]
    [InlineData("/api/datasets/2/refresh")]
    [InlineData("/api/evaluations/1/shares")]
    [InlineData("/account/signout")]
    public async Task ABodylessPostFromAnotherSiteIsRefused(string url)
    {
        var session = await OperatorSessionAsync();

        var response = await session.SendAsync(From("https://evil.example", HttpMethod.Post, url));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task TheSameRequestFromTheAppItselfGoesThrough()
    {
        var session = await OperatorSessionAsync();

        var response = await session.SendAsync(From(App.Server.BaseAddress.GetLeftPart(UriPartial.Authority), HttpMethod.Post, "/api/datasets/999/refresh"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ABrowserFetchMarkedCrossSiteIsRefusedEvenWithoutOrigin()
    {
        var session = await OperatorSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/tokens/1");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.Forbidden, (await session.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task AHubConnectionFromAnotherSiteIsRefused()
    {
        var session = await OperatorSessionAsync();

        var response = await session.SendAsync(From("https://evil.example", HttpMethod.Post, "/hubs/runs/negotiate?negotiateVersion=1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnApiTokenIsNoAmbientCredentialAndPasses()
    {
        var response = await Admin.SendAsync(From("https://evil.example", HttpMethod.Post, "/api/datasets/999/refresh"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Behind a proxy the browser's Origin is the lab's public address, which the app knows from TumorWeb:PublicBaseUrl.</summary>
public sealed class CrossSitePublicAddressTests : AccountsAppTest
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["TumorWeb:PublicBaseUrl"] = "https://tumorweb.lab.example/",
    };

    [Theory]
    [InlineData("https://tumorweb.lab.example", HttpStatusCode.NotFound)]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    public async Task ThePublicAddressIsTheAppsOwnOrigin(string origin, HttpStatusCode expected)
    {
        var session = await SignInWithPasswordAsync((await CreateUserAsync("olga", LabRoles.Operator)).UserName);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/datasets/999/refresh");
        request.Headers.Add("Origin", origin);

        Assert.Equal(expected, (await session.SendAsync(request)).StatusCode);
    }
}
