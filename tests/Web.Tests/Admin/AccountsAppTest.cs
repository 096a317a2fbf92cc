using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Admin;

/// <summary>
/// A fresh app on its own SQLite file per test (the last-admin rule depends on who else is admin),
/// an admin client ("test-admin", API token) and the steps a person or a script takes.
/// </summary>
public abstract partial class AccountsAppTest : IAsyncLifetime
{
    public const string Password = SignedInClients.Password;
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-admin-").FullName;

    protected TumorWebFactory App { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = new TumorWebFactory(_data);
        Admin = App.CreateClientAs(LabRoles.Admin);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
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
        var client = AnonymousClient();
        var page = await client.GetStringAsync("/account/login");
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = Password,
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = antiforgery,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    protected static async Task<CreatedTokenView> CreateTokenAsync(HttpClient owner, string name)
    {
        var response = await owner.PostAsJsonAsync("/api/tokens", new NewTokenRequest(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedTokenView>())!;
    }

    protected static async Task<string?> ProblemDetailOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
