using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>Does the work of the items of one stage of one kind of job. Throws when the item fails; <see cref="OperationCanceledException"/> when stopped.</summary>
public interface IJobItemRunner
{
    bool Runs(JobKind kind, JobItemStage stage);

    Task RunAsync(JobItemRun run, CancellationToken ct);
}

/// <summary>
/// One run of one item: the item, the job's context (parameters, progress, the link to the job's
/// run) and where the item's progress falls on the job's bar.
/// </summary>
public sealed record JobItemRun(JobItem Item, JobContext Context, ItemProgressScale Scale)
{
    public Job Job => Context.Job;

    /// <summary>Reports the item's own progress as its job's: "slide 3/8 · tumor_002 · extract 40/120" for a slide's item.</summary>
    public void Report(double itemFraction, string detail) =>
        Context.Report(Scale.JobFraction(itemFraction), Item.Key.Length == 0 ? detail : Scale.Message(Item.Key, detail));

    /// <summary>"starting" or, when the job already made its run, "resuming", at where the job's bar stands.</summary>
    public void ReportStart() => Context.Report(Job.Progress, Context.RunId is null ? "starting" : "resuming");
}

/// <summary>A job that does not fan out: its one Whole item runs the job's web runner, as the embedded worker does.</summary>
public sealed class WholeJobItemRunner(IEnumerable<IJobRunner> runners) : IJobItemRunner
{
    private readonly Dictionary<JobKind, IJobRunner> _runners = runners.ToDictionary(r => r.Kind);

    public bool Runs(JobKind kind, JobItemStage stage) => stage == JobItemStage.Whole && _runners.ContainsKey(kind);

    public async Task RunAsync(JobItemRun run, CancellationToken ct)
    {
        run.ReportStart();
        await _runners[run.Job.Kind].RunAsync(run.Context, ct);
    }
}

/// <summary>Progress handed on synchronously, on the reporting thread, in order (unlike <see cref="Progress{T}"/>).</summary>
public sealed class ReportTo<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
