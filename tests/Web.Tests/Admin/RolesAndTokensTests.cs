using System.Net;
using System.Net.Http.Json;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Admin;

/// <summary>What each role may do through the API, and how API tokens live and die.</summary>
public sealed class RolesAndTokensTests : AccountsAppTest
{
    [Fact]
    public async Task AnOperatorTheAdminCreatedStartsJobsWithTheirTokenWhileAViewerOnlyReads()
    {
        await CreateUserAsync("olga", "operator");
        using var olgaSession = await SignInWithPasswordAsync("olga");
        var olgaToken = await CreateTokenAsync(olgaSession, "nightly report");
        using var olga = BearerClient(olgaToken.Token);
        using var viewer = App.CreateClientAs(LabRoles.Viewer);

        var olgaStart = await olga.PostAsJsonAsync("/api/jobs/extraction", new ExtractionJobParameters(42));
        var viewerStart = await viewer.PostAsJsonAsync("/api/jobs/extraction", new ExtractionJobParameters(42));

        // Olga passed the role check: what stops her is the unknown dataset, not her role.
        Assert.Equal(HttpStatusCode.BadRequest, olgaStart.StatusCode);
        Assert.Equal("dataset 42 does not exist", await ProblemDetailOf(olgaStart));
        Assert.Equal(HttpStatusCode.OK, (await olga.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerStart.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/jobs")).StatusCode);
    }

    [Theory]
    [InlineData(LabRoles.Viewer)]
    [InlineData(LabRoles.Operator)]
    public async Task OnlyAdminsMayUseTheUsersApi(string role)
    {
        using var client = App.CreateClientAs(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users", new NewUserRequest("mallory", Password, "Admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/api/users")).StatusCode);
        Assert.DoesNotContain("mallory", await Admin.GetStringAsync("/api/users"));
    }

    [Theory]
    [InlineData("/api/users")]
    [InlineData("/api/tokens")]
    [InlineData("/api/audit")]
    public async Task AnonymousCallsAre401(string url)
    {
        using var anonymous = AnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task DisablingAUserStopsTheirTokenAtOnceAndEnablingRestoresIt()
    {
        var vera = await CreateUserAsync("vera", LabRoles.Viewer);
        using var session = await SignInWithPasswordAsync("vera");
        using var token = BearerClient((await CreateTokenAsync(session, "dashboard")).Token);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/jobs")).StatusCode);

        var disable = await Admin.PatchAsJsonAsync($"/api/users/{vera.Id}", new UserChangeRequest(null, true));
        var whileDisabled = await token.GetAsync("/api/jobs");
        await Admin.PatchAsJsonAsync($"/api/users/{vera.Id}", new UserChangeRequest(null, false));
        var afterEnable = await token.GetAsync("/api/jobs");

        Assert.True((await disable.Content.ReadFromJsonAsync<UserSummary>())!.Disabled);
        Assert.Equal(HttpStatusCode.Unauthorized, whileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterEnable.StatusCode);
    }

    [Fact]
    public async Task ARevokedTokenIs401AndOnlyItsOwnerCanRevokeIt()
    {
        // Tokens are made in a person's session, never by another token.
        using var operatorClient = await SignInWithPasswordAsync((await CreateUserAsync("otto", LabRoles.Operator)).UserName);
        var created = await CreateTokenAsync(operatorClient, "script");
        using var script = BearerClient(created.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/jobs")).StatusCode);

        var byAnotherUser = await Admin.DeleteAsync($"/api/tokens/{created.Id}");
        var stillWorks = await script.GetAsync("/api/jobs");
        var revoke = await operatorClient.DeleteAsync($"/api/tokens/{created.Id}");
        var afterRevoke = await script.GetAsync("/api/jobs");
        var again = await operatorClient.DeleteAsync($"/api/tokens/{created.Id}");

        Assert.Equal(HttpStatusCode.NotFound, byAnotherUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var listed = await operatorClient.GetFromJsonAsync<List<TokenView>>("/api/tokens");
        Assert.NotNull(Assert.Single(listed!, t => t.Id == created.Id).RevokedAt);
    }

    [Fact]
    public async Task TheTokenListShowsNameAndPrefixButNeverTheSecretOrItsHash()
    {
        // Tokens are made in a person's session, never by another token.
        using var operatorClient = await SignInWithPasswordAsync((await CreateUserAsync("otto", LabRoles.Operator)).UserName);
        var created = await CreateTokenAsync(operatorClient, "grafana");

        var json = await operatorClient.GetStringAsync("/api/tokens");

        Assert.StartsWith("tw_", created.Token);
        Assert.Equal(created.Token[..10], created.Prefix);
        Assert.Contains("\"grafana\"", json);
        Assert.Contains(created.Prefix, json);
        Assert.DoesNotContain(created.Token, json);
        Assert.DoesNotContain(Secrets.Hash(created.Token), json);
        Assert.DoesNotContain("hash", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATokenNeedsAName()
    {
        // Tokens are made in a person's session, never by another token.
        using var operatorClient = await SignInWithPasswordAsync((await CreateUserAsync("otto", LabRoles.Operator)).UserName);

        var response = await operatorClient.PostAsJsonAsync("/api/tokens", new NewTokenRequest("  "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a token needs a name", await ProblemDetailOf(response));
    }
}
