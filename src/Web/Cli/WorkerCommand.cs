using System.CommandLine;
using TumorWeb.Web.Features.Cluster.Engine;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>worker --queues cpu,gpu [--concurrency N] [--name NAME]</c>: a cluster worker that runs job
/// items from Hangfire's queues in the cluster's PostgreSQL database until Ctrl-C or SIGTERM.
/// Settings as for the web app: <c>--TumorWeb:Cluster:PostgreSql=...</c> or TumorWeb__Cluster__PostgreSql.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var queues = new Option<string>("--queues")
        {
            Description = "The queues this worker serves, comma-separated: cpu (extraction, evaluation), gpu (training, mining).",
            DefaultValueFactory = _ => string.Join(',', ClusterNode.AllQueues),
        };
        var concurrency = new Option<int>("--concurrency") { Description = "Items this worker runs at once.", DefaultValueFactory = _ => 1 };
        var name = new Option<string?>("--name") { Description = "This worker's name in the job items and the dashboard (default host name and process id)." };
        var command = new Command("worker", "Run cluster job items (docs/cluster.md); needs TumorWeb:Cluster:PostgreSql.") { queues, concurrency, name };
        // The web app's --TumorWeb:X=value settings pass through to the worker's configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            IHost host;
            try
            {
                var settings = new WorkerSettings(ClusterNode.ParseQueues(parse.GetValue(queues)!), parse.GetValue(concurrency), parse.GetValue(name));
                host = WorkerHost.Build(settings, [.. parse.UnmatchedTokens]);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return CliOutput.Fail(e.Message);
            }
            using (host)
            {
                try
                {
                    await host.RunAsync(ct);
                }
                catch (InvalidOperationException e)
                {
                    return CliOutput.Fail(e.Message);
                }
            }
            return 0;
        });
        return command;
    }
}
