using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Admin;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>A live /hubs/runs feed ends when the token that opened it is revoked, or its user is disabled or re-roled.</summary>
public sealed class HubRevocationTests : AccountsAppTest
{
    private LiveConnections Live => App.Services.GetRequiredService<LiveConnections>();

    private async Task<(HubConnection Hub, TaskCompletionSource Closed)> OpenHubAsync(string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, "hubs/runs"), o =>
            {
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();
        return (hub, closed);
    }

    private async Task<(UserSummary User, HttpClient Session, CreatedTokenView Token)> OperatorWithTokenAsync(string name)
    {
        var user = await CreateUserAsync(name, LabRoles.Operator);
        var session = await SignInWithPasswordAsync(name);
        return (user, session, await CreateTokenAsync(session, "live dashboard"));
    }

    [Fact]
    public async Task RevokingTheTokenClosesTheFeedItOpenedAndNoOther()
    {
        var (_, session, token) = await OperatorWithTokenAsync("olga");
        var (other, _, otherToken) = await OperatorWithTokenAsync("otto");
        var (hub, closed) = await OpenHubAsync(token.Token);
        var (otherHub, _) = await OpenHubAsync(otherToken.Token);
        await using (hub)
        await using (otherHub)
        {
            Assert.Equal(0, await Live.RecheckAsync());

            Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/tokens/{token.Id}")).StatusCode);
            Assert.Equal(1, await Live.RecheckAsync());

            await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HubConnectionState.Connected, otherHub.State);
        }
    }

    [Fact]
    public async Task DisablingTheUserClosesTheirFeed()
    {
        var (user, _, token) = await OperatorWithTokenAsync("olga");
        var (hub, closed) = await OpenHubAsync(token.Token);
        await using (hub)
        {
            var disable = await Admin.PatchAsJsonAsync($"/api/users/{user.Id}", new UserChangeRequest(null, true));
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

            Assert.Equal(1, await Live.RecheckAsync());
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task ChangingTheUsersRoleClosesTheirFeed()
    {
        var (user, _, token) = await OperatorWithTokenAsync("olga");
        var (hub, closed) = await OpenHubAsync(token.Token);
        await using (hub)
        {
            var demote = await Admin.PatchAsJsonAsync($"/api/users/{user.Id}", new UserChangeRequest(LabRoles.Viewer, null));
            Assert.Equal(HttpStatusCode.OK, demote.StatusCode);

            Assert.Equal(1, await Live.RecheckAsync());
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
