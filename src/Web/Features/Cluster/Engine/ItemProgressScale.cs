using System.Globalization;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Where one item's own progress puts its job's bar in a job that fans out: the stages before the
/// item's fill <see cref="StageStart"/>, its stage fills <see cref="StageShare"/> more, split evenly
/// between the stage's <see cref="Total"/> items, of which <see cref="Done"/> were done when this one began.
/// </summary>
public sealed record ItemProgressScale(double StageStart, double StageShare, int Done, int Total)
{
    /// <summary>The scale of a job that is one item: the item's fraction is the job's.</summary>
    public static readonly ItemProgressScale Whole = new(0, 1, 0, 1);

    public static ItemProgressScale For(IReadOnlyList<StagePlan> plan, StagePlan stage, int done, int total)
    {
        var index = plan.ToList().IndexOf(stage);
        if (index < 0) throw new ArgumentException($"the plan has no {stage.Stage} stage");
        return new ItemProgressScale(plan.Take(index).Sum(s => s.Share), stage.Share, done, Math.Max(1, total));
    }

    public double JobFraction(double itemFraction) =>
        Math.Clamp(StageStart + StageShare * (Done + Math.Clamp(itemFraction, 0, 1)) / Total, 0, 1);

    /// <summary>"slide 3/8 · tumor_002 · extract 40/120": which of the stage's slides this is, its name, and what it does.</summary>
    public string Message(string slide, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"slide {Math.Min(Done + 1, Total)}/{Total} · {slide} · {detail}");
}
