using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Admin;

/// <summary>
/// A fresh app on its own SQLite file per test (the last-admin rule depends on who else is admin),
/// an admin client ("test-admin", API token) and the steps a person or a script takes.
/// </summary>
public abstract class AccountsAppTest : TempAppTest
{
    public const string Password = SignedInClients.Password;

    protected HttpClient Admin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = App.CreateClientAs(LabRoles.Admin);
    }

    public override async Task DisposeAsync()
    {
        Admin.Dispose();
        await base.DisposeAsync();
    }

    protected async Task<UserSummary> CreateUserAsync(string userName, string role)
    {
        var response = await Admin.PostAsJsonAsync("/api/users", new NewUserRequest(userName, Password, role));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UserSummary>())!;
    }

    protected HttpClient AnonymousClient() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected HttpClient BearerClient(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the sign-in page's form, as a person does; the client keeps the session cookie.</summary>
    protected async Task<HttpClient> SignInWithPasswordAsync(string userName)
    {
        var browser = new BrowserLikeClient(App);
        var response = await browser.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return browser.Http;
    }

    protected static async Task<CreatedTokenView> CreateTokenAsync(HttpClient owner, string name)
    {
        var response = await owner.PostAsJsonAsync("/api/tokens", new NewTokenRequest(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedTokenView>())!;
    }

    protected static async Task<string?> ProblemDetailOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;
}
