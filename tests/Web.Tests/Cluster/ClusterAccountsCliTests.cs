using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Cli;
using TumorWeb.Web.Tests.Cli;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>On a cluster node the environment names the database, and `users` and `tokens` work on it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterAccountsCliTests(PostgresFixture postgres)
{
    [SkippableFact]
    public async Task UsersAndTokensActOnTheClusterDatabaseNamedByTheEnvironment()
    {
        var database = await postgres.NewDatabaseAsync();
        var services = new ServiceCollection().AddLogging().AddData(DatabaseConnection.PostgreSql(database)).BuildServiceProvider();
        await using (var db = await services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync()) await db.MigrateAsync();
        var cluster = new Dictionary<string, string> { [CliDatabase.ClusterVariable] = database };

        var added = await CliRunner.RunAsync(cluster, "a long passphrase", "users", "add", "alice", "--role", "Operator");
        var token = await CliRunner.RunAsync(cluster, null, "tokens", "create", "alice", "--name", "bench", "--json");
        var missing = await CliRunner.RunAsync(cluster, null, "tokens", "create", "bob");

        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.True(token.ExitCode == 0, token.Stderr);
        Assert.StartsWith("tw_", token.Json.GetProperty("token").GetString());
        await using (var db = await services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync())
            Assert.Equal("bench", (await db.ApiTokens.SingleAsync()).Name);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"the cluster database ({CliDatabase.ClusterVariable}): no user \"bob\"", missing.Stderr);
    }
}
