using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs;

/// <summary>
/// One progress update of a job, as the Blazor pages and the public SignalR hub (/hubs/runs,
/// method "run") receive it. <see cref="Metric"/> is set when training logged a point.
/// </summary>
public sealed record RunEvent(
    int JobId,
    JobKind Kind,
    RunStatus Status,
    double Progress,
    string? Message,
    int? RunId,
    RunMetric? Metric,
    DateTimeOffset At);

/// <summary>A training curve point: phase "train" or "validation", at a global step and epoch.</summary>
public sealed record RunMetric(string Phase, int Epoch, long Step, double Loss, double Accuracy, double? Auc);
