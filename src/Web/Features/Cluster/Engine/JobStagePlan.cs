using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// One stage of a job in cluster mode: its items go to <paramref name="Queue"/>, one per slide or one
/// in all; <paramref name="Share"/> is the part of the job's progress bar the stage fills.
/// </summary>
public sealed record StagePlan(JobItemStage Stage, string Queue, bool PerSlide, double Share = 1);

/// <summary>
/// The stages a job of each kind runs through in cluster mode, in order. A stage's items are made
/// when the stage before has completed all of its items; the job completes with its last stage.
/// </summary>
public static class JobStagePlan
{
    private static readonly IReadOnlyList<StagePlan> Whole = [new(JobItemStage.Whole, ClusterNode.Gpu, false)];

    /// <summary>The slides' grids fill 30 % of the bar and their patches the rest, as in embedded mode.</summary>
    private static readonly IReadOnlyList<StagePlan> Extraction =
    [
        new(JobItemStage.Begin, ClusterNode.Cpu, PerSlide: false, Share: 0),
        new(JobItemStage.SlideGrid, ClusterNode.Cpu, PerSlide: true, Share: 0.3),
        new(JobItemStage.Plan, ClusterNode.Cpu, PerSlide: false, Share: 0),
        new(JobItemStage.Slide, ClusterNode.Cpu, PerSlide: true, Share: 0.7),
        new(JobItemStage.Finish, ClusterNode.Cpu, PerSlide: false, Share: 0),
    ];

    private static readonly IReadOnlyList<StagePlan> Evaluation =
    [
        new(JobItemStage.Begin, ClusterNode.Cpu, PerSlide: false, Share: 0),
        new(JobItemStage.Slide, ClusterNode.Cpu, PerSlide: true, Share: Pipeline.Evaluation.EvaluationStages.SlidesShare),
        new(JobItemStage.Finish, ClusterNode.Cpu, PerSlide: false, Share: 1 - Pipeline.Evaluation.EvaluationStages.SlidesShare),
    ];

    public static IReadOnlyList<StagePlan> For(JobKind kind) => kind switch
    {
        JobKind.Training or JobKind.Mining => Whole,
        JobKind.Extraction => Extraction,
        JobKind.Evaluation => Evaluation,
        _ => throw new ArgumentException($"no stage plan for {kind} jobs"),
    };

    public static StagePlan First(JobKind kind) => For(kind)[0];

    /// <summary>The stage after <paramref name="stage"/>, or null when it is the job's last.</summary>
    public static StagePlan? After(JobKind kind, JobItemStage stage)
    {
        var plan = For(kind);
        var index = plan.ToList().FindIndex(s => s.Stage == stage);
        if (index < 0) throw new ArgumentException($"{kind} jobs have no {stage} stage");
        return index + 1 < plan.Count ? plan[index + 1] : null;
    }
}
