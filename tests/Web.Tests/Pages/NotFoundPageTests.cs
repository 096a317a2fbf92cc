using System.Net;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Admin;

namespace TumorWeb.Web.Tests.Pages;

/// <summary>Unknown or malformed addresses get the app's own "not found" page, with the 404 kept; the API's answers stay JSON.</summary>
public sealed class NotFoundPageTests : AccountsAppTest
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/evaluations/abc")]
    public async Task ABrowserGetsTheAppsOwnPage(string url)
    {
        var session = await SignInWithPasswordAsync((await CreateUserAsync("olga", LabRoles.Viewer)).UserName);

        var response = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing here", html);
        Assert.Contains("href=\"/\"", html);
    }

    [Fact]
    public async Task AnUnknownApiResourceIsNotAPage()
    {
        var response = await Admin.GetAsync("/api/evaluations/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
