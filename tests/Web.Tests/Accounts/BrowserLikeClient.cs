using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>
/// An HTTP client that behaves like a browser at the sign-in forms: it keeps cookies, does not follow
/// redirects (so tests see where they go), asks for HTML, and posts forms with the antiforgery token
/// of the page it loaded.
/// </summary>
public sealed partial class BrowserLikeClient(WebApplicationFactory<Program> app) : IDisposable
{
    public HttpClient Http { get; } = NewClient(app);

    private static HttpClient NewClient(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    /// <summary>Loads <paramref name="pageUrl"/> and posts <paramref name="fields"/> to <paramref name="action"/> with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var page = await Http.GetStringAsync(pageUrl);
        var form = new Dictionary<string, string>(fields);
        if (withAntiforgery) form["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await Http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> SignInAsync(string userName, string password, string returnUrl = "/") =>
        SubmitAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "/account/signin",
            new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = returnUrl });

    public static string AntiforgeryToken(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("the page has no antiforgery token");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    public void Dispose() => Http.Dispose();
}
