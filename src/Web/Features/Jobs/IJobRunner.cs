using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs;

/// <summary>Runs jobs of one kind. Throws when the job fails; <see cref="OperationCanceledException"/> when stopped.</summary>
public interface IJobRunner
{
    JobKind Kind { get; }

    Task RunAsync(JobContext context, CancellationToken ct);
}
