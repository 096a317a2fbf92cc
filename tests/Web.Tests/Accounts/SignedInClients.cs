using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>
/// HTTP clients of the real app that sign in the way scripts do: a user of the given role with an
/// API token made through <see cref="ApiTokens"/>, sent as "Authorization: Bearer". One user and
/// token per app and role.
/// </summary>
public static class SignedInClients
{
    public const string Password = "correct horse battery staple";
    // Per app, so a disposed app and its tokens are collected with it.
    private static readonly ConditionalWeakTable<WebApplicationFactory<Program>, ConcurrentDictionary<string, string>> Tokens = new();

    public static HttpClient CreateClientAs(this WebApplicationFactory<Program> app, string role = LabRoles.Admin)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.TokenFor(role));
        return client;
    }

    /// <summary>The API token of the app's test user with <paramref name="role"/> (user "test-{role}").</summary>
    public static string TokenFor(this WebApplicationFactory<Program> app, string role = LabRoles.Admin) =>
        Tokens.GetValue(app, _ => new()).GetOrAdd(role, r => CreateUserWithTokenAsync(app, r).GetAwaiter().GetResult());

    private static async Task<string> CreateUserWithTokenAsync(WebApplicationFactory<Program> app, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var userName = $"test-{role.ToLowerInvariant()}";
        var user = await accounts.FindByNameAsync(userName) ?? await accounts.CreateAsync("tests", userName, Password, role);
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync("tests", user.Id, "tests");
        return created.Secret;
    }
}
