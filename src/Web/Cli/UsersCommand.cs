using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>users add|list</c> and <c>tokens create</c>: accounts of the web app's database for admins on
/// the server (the first admin without the set-up link, tokens for scripts). Passwords come from stdin.
/// On a cluster node, where the environment sets TumorWeb__Cluster__PostgreSql as for the web nodes,
/// they act on that database and --db is not used.
/// </summary>
public static class UsersCommand
{
    public const string DefaultDatabase = "data/tumorweb.db";

    public static Command Create()
    {
        var command = new Command("users", "Add or list the web app's users.");
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateList());
        return command;
    }

    public static Command CreateTokens()
    {
        var command = new Command("tokens", "API tokens of the web app's users.");
        var user = new Argument<string>("user") { Description = "User name the token acts as." };
        var name = new Option<string>("--name") { Description = "What uses the token (shown in the user's token list).", DefaultValueFactory = _ => "cli" };
        var db = DatabaseOption();
        var json = JsonOption();
        var create = new Command("create", "Create an API token and print it (it is shown only this once).") { user, name, db, json };
        create.SetAction((parse, ct) => WithAccountsAsync(parse.GetValue(db)!, async services =>
        {
            var accounts = services.GetRequiredService<UserAccounts>();
            var userName = parse.GetValue(user)!;
            if (await accounts.FindByNameAsync(userName) is not { } found) return CliOutput.Fail($"{Where(parse.GetValue(db)!)}: no user \"{userName}\"");
            var created = await services.GetRequiredService<ApiTokens>().CreateAsync(AuditActions.System, found.Id, parse.GetValue(name)!, ct);
            if (parse.GetValue(json)) CliOutput.WriteJson(new { id = created.Token.Id, user = userName, name = created.Token.Name, token = created.Secret });
            else Console.WriteLine(created.Secret);
            return 0;
        }));
        command.Subcommands.Add(create);
        return command;
    }

    private static Command CreateAdd()
    {
        var user = new Argument<string>("user") { Description = "User name." };
        var role = new Option<string>("--role") { Description = "Admin, Operator or Viewer.", DefaultValueFactory = _ => LabRoles.Viewer };
        var db = DatabaseOption();
        var command = new Command("add", "Add a user; the password is read from the first line of stdin (at least 10 characters).") { user, role, db };
        command.SetAction((parse, _) => WithAccountsAsync(parse.GetValue(db)!, async services =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password)) return CliOutput.Fail("no password on stdin (e.g. `echo \"$PASSWORD\" | tumorweb users add NAME --role Admin`)");
            var created = await services.GetRequiredService<UserAccounts>().CreateAsync(AuditActions.System, parse.GetValue(user)!, password, parse.GetValue(role)!);
            Console.WriteLine($"user \"{created.UserName}\" added with role {LabRoles.Normalize(parse.GetValue(role))}");
            return 0;
        }));
        return command;
    }

    private static Command CreateList()
    {
        var db = DatabaseOption();
        var json = JsonOption();
        var command = new Command("list", "List users with their role.") { db, json };
        command.SetAction((parse, ct) => WithAccountsAsync(parse.GetValue(db)!, async services =>
        {
            var users = await services.GetRequiredService<UserAccounts>().ListAsync(ct);
            if (parse.GetValue(json)) CliOutput.WriteJson(users.Select(u => new { userName = u.UserName, role = u.Role, disabled = u.Disabled }));
            else foreach (var u in users) Console.WriteLine($"{u.UserName}\t{u.Role}{(u.Disabled ? "\tdisabled" : "")}");
            return 0;
        }));
        return command;
    }

    private static Option<string> DatabaseOption() =>
        new("--db") { Description = $"The web app's SQLite database (default {DefaultDatabase}).", DefaultValueFactory = _ => DefaultDatabase };

    /// <summary>The database the accounts are in, as error messages name it.</summary>
    private static string Where(string databasePath) =>
        CliDatabase.OnCluster ? $"the cluster database ({CliDatabase.ClusterVariable})" : Path.GetFullPath(databasePath);

    private static Option<bool> JsonOption() => new("--json") { Description = "Print machine-readable JSON on stdout." };

    /// <summary>
    /// Runs <paramref name="action"/> on the accounts of the SQLite file (migrated first), or of the cluster's
    /// database when the environment names one (a web node has migrated it). Errors never repeat a password.
    /// </summary>
    private static async Task<int> WithAccountsAsync(string databasePath, Func<IServiceProvider, Task<int>> action)
    {
        var path = Path.GetFullPath(databasePath);
        DatabaseConnection database;
        try
        {
            database = CliDatabase.Cluster() ?? DatabaseConnection.SqliteFile(path);
        }
        catch (ArgumentException e)
        {
            return CliOutput.Fail(e.Message);
        }
        var onCluster = database.Provider == DatabaseProvider.PostgreSql;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddData(database);
        services.AddAccountStore();
        await using var provider = services.BuildServiceProvider();
        try
        {
            if (!onCluster) await CliDatabase.OpenAsync(path, CancellationToken.None);
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureRolesAsync();
            return await action(scope.ServiceProvider);
        }
        catch (AccountException e)
        {
            return CliOutput.Fail($"{(onCluster ? database.ToString() : path)}: {e.Message}");
        }
        catch (System.Data.Common.DbException e) when (onCluster)
        {
            return CliOutput.Fail($"cannot use the cluster's {database} ({CliDatabase.ClusterVariable}): {e.Message}");
        }
        catch (Exception e) when (!onCluster && e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return CliOutput.Fail($"{path}: {e.Message}");
        }
    }
}
