using System.Net;
using TumorWeb.Web.Tests.Datasets;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>Pages, API answers, errors and static files all carry the browser-hardening headers.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-headers-").FullName;
    private TumorWebFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new TumorWebFactory(_data);
        _client = _factory.CreateClientAs();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/datasets", HttpStatusCode.OK)]
    [InlineData("/css/app.css", HttpStatusCode.OK)]
    [InlineData("/thumbnails/999", HttpStatusCode.NotFound)]
    [InlineData("/slides/999/dzi.dzi", HttpStatusCode.NotFound)]
    public async Task EveryAnswerForbidsSniffingFramingAndCrossSiteReferrers(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var policy = Header(response, "Content-Security-Policy")!.Split(';', StringSplitOptions.TrimEntries).ToHashSet();
        Assert.Contains("frame-ancestors 'none'", policy);
        // 'unsafe-eval' for the annotation layer (PixiJS); inline script stays refused: no 'unsafe-inline' for scripts.
        Assert.Contains("script-src 'self' 'unsafe-eval'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
