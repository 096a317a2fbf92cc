using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Sharing;

/// <summary>Share links through the real app: the API creates and revokes them, an anonymous browser opens them.</summary>
public sealed class ShareLinkEndpointsTests(SharingAppFixture app) : IClassFixture<SharingAppFixture>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public async Task AnOperatorCreatesALinkWhoseUrlCarriesTheSecretOnce()
    {
        using var operatorClient = app.Factory.CreateClientAs(LabRoles.Operator);

        var response = await operatorClient.PostAsJsonAsync($"/api/evaluations/{app.EvaluationId}/shares", new { days = 7 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = created.GetProperty("url").GetString()!;
        Assert.Matches("^http://localhost/share/s_[A-Za-z0-9_-]{43}$", url);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(7), created.GetProperty("expiresAt").GetDateTimeOffset());
        var listed = await operatorClient.GetStringAsync("/api/shares");
        Assert.DoesNotContain(SecretOf(url), listed);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);
        var row = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetInt32() == created.GetProperty("id").GetInt32());
        Assert.Equal("Evaluation", row.GetProperty("kind").GetString());
        Assert.Equal(app.EvaluationId, row.GetProperty("runId").GetInt32());
        Assert.Equal("test-operator", row.GetProperty("createdBy").GetString());
        Assert.True(row.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task AViewerCannotCreateOrRevokeButCanList()
    {
        using var viewer = app.Factory.CreateClientAs(LabRoles.Viewer);
        var (id, _) = await CreateAsync(app.EvaluationId);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/evaluations/{app.EvaluationId}/shares", new { days = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/shares/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/shares")).StatusCode);
    }

    [Fact]
    public async Task WithoutABodyALinkLivesAWeek()
    {
        using var client = app.Factory.CreateClientAs(LabRoles.Admin);

        var response = await client.PostAsync($"/api/training/{app.TrainingRunId}/shares", content: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(app.Clock.GetUtcNow().AddDays(7), created.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task BadLifetimesAndUnknownRunsAreRefusedWithProblemDetails()
    {
        using var client = app.Factory.CreateClientAs(LabRoles.Operator);

        var zero = await client.PostAsJsonAsync($"/api/evaluations/{app.EvaluationId}/shares", new { days = 0 });
        var tooLong = await client.PostAsJsonAsync($"/api/training/{app.TrainingRunId}/shares", new { days = 91 });
        var unknown = await client.PostAsJsonAsync("/api/evaluations/999/shares", new { days = 7 });

        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Contains("1 to 90 days, not 0", await zero.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("evaluation 999 does not exist", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAnonymousVisitorSeesTheEvaluationsResultsReadOnly()
    {
        var (_, secret) = await CreateAsync(app.EvaluationId);
        using var anonymous = app.Factory.CreateClient();

        var response = await anonymous.GetAsync($"/share/{secret}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPrivate(response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Evaluation #{app.EvaluationId}", html);
        Assert.Contains("0.750", html); // slide-level AUC
        Assert.Contains("AUC 0.875", html);
        Assert.Contains("tissue-only AUC 0.750", html);
        Assert.Contains("data-test=\"froc\"", html);
        Assert.Contains("checkpoint epoch-002.ckpt", html);
        Assert.Contains($"src=\"share/{secret}/slides/{app.EvaluationSlideId}/figure.png\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("<polyline", html);
        // Read-only and nothing else: no server paths, no app controls, no interactive session.
        Assert.DoesNotContain(app.DataDirectory, html);
        Assert.DoesNotContain("\"type\":\"server\"", html);
        Assert.DoesNotContain("Cancel", html);
        // The fixture's slide is in no registered dataset: there is nothing to open in the viewer.
        Assert.DoesNotContain("data-test=\"open-viewer\"", html);
    }

    [Fact]
    public async Task TheVisitorGetsTheSharedSlidesFigureAndNothingElse()
    {
        var (_, secret) = await CreateAsync(app.EvaluationId);
        using var anonymous = app.Factory.CreateClient();

        var figure = await anonymous.GetAsync($"/share/{secret}/slides/{app.EvaluationSlideId}/figure.png");

        Assert.Equal(HttpStatusCode.OK, figure.StatusCode);
        Assert.Equal("image/png", figure.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PngSignature, (await figure.Content.ReadAsByteArrayAsync())[..4]);
        AssertPrivate(figure);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/share/{secret}/slides/{app.OtherEvaluationSlideId}/figure.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/share/{secret}/slides/{app.EvaluationSlideId}/cells.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/share/{secret}/slides/{app.EvaluationSlideId}/heatmap.npy")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/evaluations/{app.EvaluationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/evaluations/{app.EvaluationId}/slides/{app.EvaluationSlideId}/figure.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/slides/1/dzi_files/0/0_0.jpeg")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/shares")).StatusCode);
    }

    [Fact]
    public async Task ATrainingLinkShowsTheCurvesAndSettingsButNoEvaluationImages()
    {
        var (_, secret) = await CreateAsync(app.TrainingRunId, "training");
        using var anonymous = app.Factory.CreateClient();

        var html = await anonymous.GetStringAsync($"/share/{secret}");

        Assert.Contains($"Training #{app.TrainingRunId} · tiny", html);
        Assert.Contains("learning rate", html);
        Assert.Contains("tiny.pt", html);
        Assert.DoesNotContain("/lab/secret/weights", html);
        Assert.Contains("0.480", html); // final validation loss
        Assert.Contains("0.900", html); // final validation AUC
        Assert.Equal(2, html.Split("data-test=\"svg-chart\"").Length - 1);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/share/{secret}/slides/{app.EvaluationSlideId}/figure.png")).StatusCode);
    }

    [Fact]
    public async Task ARevokedLinkIsNotFoundAnyMore()
    {
        using var operatorClient = app.Factory.CreateClientAs(LabRoles.Operator);
        var (id, secret) = await CreateAsync(app.EvaluationId);
        using var anonymous = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/share/{secret}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/api/shares/{id}")).StatusCode);

        await AssertInvalidAsync(anonymous, secret);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.DeleteAsync($"/api/shares/{id}")).StatusCode);
        var row = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/shares")).RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetInt32() == id);
        Assert.False(row.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.String, row.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task ALinkWorksUntilItsLastMinuteAndIsNotFoundAfterIt()
    {
        var (_, secret) = await CreateAsync(app.EvaluationId, days: 1);
        using var anonymous = app.Factory.CreateClient();

        app.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/share/{secret}")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await AssertInvalidAsync(anonymous, secret);
    }

    [Fact]
    public async Task UnknownSecretsLookLikeExpiredOnes()
    {
        var (_, secret) = await CreateAsync(app.EvaluationId);
        var wrong = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');
        using var anonymous = app.Factory.CreateClient();

        await AssertInvalidAsync(anonymous, wrong);
        await AssertInvalidAsync(anonymous, "s_" + new string('x', 43));
        await AssertInvalidAsync(anonymous, "not-a-share-link");
    }

    [Fact]
    public async Task OnlyTheHashIsStoredAndCreateAndRevokeAreAudited()
    {
        using var operatorClient = app.Factory.CreateClientAs(LabRoles.Operator);
        var (id, secret) = await CreateAsync(app.EvaluationId);
        await operatorClient.DeleteAsync($"/api/shares/{id}");

        var dbFactory = app.Factory.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var stored = await db.ShareLinks.SingleAsync(l => l.Id == id);
            Assert.Equal(Secrets.Hash(secret), stored.Hash);
        }
        foreach (var file in Directory.EnumerateFiles(app.DataDirectory, "tumorweb.db*"))
            Assert.False(Contains(ReadShared(file), Encoding.UTF8.GetBytes(secret)), $"{file} holds the secret");
        var audit = app.Factory.Services.GetRequiredService<AuditLog>();
        var created = await audit.ListAsync("test-operator", AuditActions.ShareCreate);
        Assert.Contains(created, e => e.Target == $"evaluation {app.EvaluationId}" && e.Detail!.StartsWith("7 days"));
        var revoked = await audit.ListAsync("test-operator", AuditActions.ShareRevoke);
        Assert.Contains(revoked, e => e.Target == $"evaluation {app.EvaluationId}" && e.Detail == $"share link {id}");
    }

    private async Task<(int Id, string Secret)> CreateAsync(int runId, string kind = "evaluations", int days = 7)
    {
        using var client = app.Factory.CreateClientAs(LabRoles.Operator);
        var response = await client.PostAsJsonAsync($"/api/{kind}/{runId}/shares", new { days });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetInt32(), SecretOf(created.GetProperty("url").GetString()!));
    }

    private async Task AssertInvalidAsync(HttpClient anonymous, string secret)
    {
        var page = await anonymous.GetAsync($"/share/{secret}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        AssertPrivate(page);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This link is not valid or has expired.", html);
        Assert.DoesNotContain("Evaluation #", html);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/share/{secret}/slides/{app.EvaluationSlideId}/figure.png")).StatusCode);
    }

    private static void AssertPrivate(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
    }

    private static string SecretOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
