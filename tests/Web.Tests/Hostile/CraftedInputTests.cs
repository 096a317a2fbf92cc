using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Admin;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>Crafted input that used to answer 500 (or an empty 400) now gets a 400 with problem details that say why.</summary>
public sealed class CraftedInputTests : AccountsAppTest
{
    private static async Task<ProblemDetails?> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<ProblemDetails>();
    }

    [Fact]
    public async Task AJsonTypeErrorGetsProblemDetailsNamingTheProblem()
    {
        var response = await Admin.PostAsync("/api/datasets", new StringContent("""{"folder": 5}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("RegisterDatasetRequest", (await ProblemOf(response))!.Detail);
    }

    [Fact]
    public async Task ANulInADatasetFolderIsABadRequest()
    {
        var response = await Admin.PostAsJsonAsync("/api/datasets", new { folder = "slides\0/x", name = "nul" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ProblemOf(response))!.Detail);
    }

    [Fact]
    public async Task TooManySlideIdsAreRefusedWithTheLimit()
    {
        var ids = Enumerable.Range(1, 40_000).ToList();

        var response = await Admin.PostAsJsonAsync("/api/jobs/evaluation", new EvaluationJobParameters(1, 1, ids));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("at most 10,000 slides can be evaluated at once (got 40,000)", (await ProblemOf(response))!.Detail);
    }

    [Fact]
    public async Task AReturnUrlWithAControlCharacterGoesHomeAfterSigningIn()
    {
        await CreateUserAsync("olga", LabRoles.Operator);
        using var browser = new BrowserLikeClient(App);

        var response = await browser.SignInAsync("olga", Password, "/datasets\r\nX-Injected: 1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
