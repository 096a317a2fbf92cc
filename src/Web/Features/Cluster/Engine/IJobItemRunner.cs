using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>Does the work of the items of one stage of one kind of job. Throws when the item fails; <see cref="OperationCanceledException"/> when stopped.</summary>
public interface IJobItemRunner
{
    bool Runs(JobKind kind, JobItemStage stage);

    /// <summary>Runs <paramref name="item"/>; <paramref name="context"/> reports on its job and links the job's run.</summary>
    Task RunAsync(JobItem item, JobContext context, CancellationToken ct);
}

/// <summary>A job that does not fan out: its one Whole item runs the job's web runner, as the embedded worker does.</summary>
public sealed class WholeJobItemRunner(IEnumerable<IJobRunner> runners) : IJobItemRunner
{
    private readonly Dictionary<JobKind, IJobRunner> _runners = runners.ToDictionary(r => r.Kind);

    public bool Runs(JobKind kind, JobItemStage stage) => stage == JobItemStage.Whole && _runners.ContainsKey(kind);

    public async Task RunAsync(JobItem item, JobContext context, CancellationToken ct)
    {
        context.Report(context.Job.Progress, context.RunId is null ? "starting" : "resuming");
        await _runners[context.Job.Kind].RunAsync(context, ct);
    }
}
