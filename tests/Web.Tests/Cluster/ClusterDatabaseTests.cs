using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Hosting;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>The real app with TumorWeb:Cluster:PostgreSql set: everything it keeps goes to PostgreSQL, nothing to a SQLite file.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterDatabaseTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory _data = new("tumorweb-cluster-");

    [SkippableFact]
    public async Task TheFirstAdminSignsInRegistersADatasetAndReadsItBackAllInPostgreSql()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var app = new TumorWebFactory(_data.Path, settings: new Dictionary<string, string> { [AppDatabase.ClusterKey] = database });
        using var setup = new BrowserLikeClient(app);
        var secret = app.Services.GetRequiredService<SetupLink>().Open();
        var created = await setup.SubmitAsync($"/account/setup?token={secret}", "/account/setup", new Dictionary<string, string>
        {
            ["Token"] = secret, ["UserName"] = "labadmin", ["Password"] = "cluster passphrase", ["ConfirmPassword"] = "cluster passphrase",
        });
        Assert.Equal("/", created.Headers.Location!.OriginalString);

        using var browser = new BrowserLikeClient(app);
        Assert.Equal("/", (await browser.SignInAsync("labadmin", "cluster passphrase")).Headers.Location!.OriginalString);
        SyntheticSlides.Write(Path.Combine(_data.Path, "slides"), slides: 2, normal: 1, side: 1024);
        var registered = await browser.Http.PostAsJsonAsync("/api/datasets", new { folder = "slides", name = "Cluster set" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await app.Services.GetRequiredService<DatasetScans>().WaitAsync(id);
        var detail = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");

        Assert.Equal("Cluster set", detail.GetProperty("name").GetString());
        Assert.Equal(["normal_001 1024", "tumor_001 1024"],
            detail.GetProperty("slides").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("width").GetInt64()}"));
        Assert.Equal(DatabaseProvider.PostgreSql, app.Services.GetRequiredService<DatabaseConnection>().Provider);
        Assert.Equal($"labadmin {AuditActions.DatasetRegister} dataset {id}", await ScalarAsync(database,
            $"""SELECT "UserName" || ' ' || "Action" || ' ' || "Target" FROM "AuditEntries" WHERE "Action" = '{AuditActions.DatasetRegister}'"""));
        Assert.Equal("labadmin", await ScalarAsync(database, """SELECT "UserName" FROM "AspNetUsers" """));
        Assert.Equal(2L, await ScalarAsync(database, $"""SELECT count(*) FROM "RegisteredSlides" WHERE "DatasetId" = {id} AND "Width" = 1024"""));
        Assert.False(File.Exists(Path.Combine(_data.Path, "tumorweb.db")));
    }

    [SkippableFact]
    public async Task ASecondNodeOnTheSameDatabaseSeesTheAdminAndTheDatasetOfTheFirst()
    {
        var settings = new Dictionary<string, string>
        {
            [AppDatabase.ClusterKey] = await postgres.NewDatabaseAsync(),
            ["TumorWeb:Accounts:AdminUserName"] = "labadmin",
            ["TumorWeb:Accounts:AdminPassword"] = "cluster passphrase",
        };
        await using var first = new TumorWebFactory(_data.Path, settings: settings);
        using (var browser = new BrowserLikeClient(first))
        {
            await browser.SignInAsync("labadmin", "cluster passphrase");
            SyntheticSlides.Write(Path.Combine(_data.Path, "shared"), slides: 1, normal: 1, side: 1024);
            var registered = await browser.Http.PostAsJsonAsync("/api/datasets", new { folder = "shared", name = "Seen by both" });
            await first.Services.GetRequiredService<DatasetScans>().WaitAsync((await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }

        await using var second = new TumorWebFactory(_data.Path, settings: settings);
        using var other = new BrowserLikeClient(second);

        Assert.Equal("/", (await other.SignInAsync("labadmin", "cluster passphrase")).Headers.Location!.OriginalString);
        Assert.Equal(["Seen by both"], (await other.Http.GetFromJsonAsync<JsonElement>("/api/datasets")).EnumerateArray().Select(d => d.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task AnUnreachableClusterDatabaseStopsTheStartWithWhereItWasGoing()
    {
        // Port 1 on loopback refuses at once; the password must not appear in the message.
        await using var app = new TumorWebFactory(_data.Path, settings: new Dictionary<string, string>
        {
            [AppDatabase.ClusterKey] = "Host=127.0.0.1;Port=1;Database=tumorweb;Username=tumorweb;Password=s3cret-pass;Timeout=5",
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains($"cannot open the cluster's PostgreSQL database \"tumorweb\" on 127.0.0.1:1 as \"tumorweb\" ({AppDatabase.ClusterKey})", error.Message);
        Assert.DoesNotContain("s3cret-pass", error.Message);
    }

    [Fact]
    public async Task AClusterConnectionStringThatDoesNotParseIsNamedByItsKey()
    {
        await using var app = new TumorWebFactory(_data.Path, settings: new Dictionary<string, string> { [AppDatabase.ClusterKey] = "Host=db;Colour=blue" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.StartsWith($"{AppDatabase.ClusterKey}: not a valid PostgreSQL connection string", error.Message);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => _data.Dispose();
}
