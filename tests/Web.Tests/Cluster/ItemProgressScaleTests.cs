using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Cluster.Engine;

namespace TumorWeb.Web.Tests.Cluster;

public sealed class ItemProgressScaleTests
{
    private static readonly StagePlan Grid = new(JobItemStage.SlideGrid, ClusterNode.Cpu, PerSlide: true, Share: 0.3);
    private static readonly StagePlan Patches = new(JobItemStage.Slide, ClusterNode.Cpu, PerSlide: true, Share: 0.7);

    private static readonly IReadOnlyList<StagePlan> Plan =
    [
        new(JobItemStage.Begin, ClusterNode.Cpu, PerSlide: false, Share: 0),
        Grid,
        new(JobItemStage.Plan, ClusterNode.Cpu, PerSlide: false, Share: 0),
        Patches,
        new(JobItemStage.Finish, ClusterNode.Cpu, PerSlide: false, Share: 0),
    ];

    [Fact]
    public void TheThirdOfEightSlidesHalfDoneIsPastTheGridsAndTwoAndAHalfEighthsOfThePatches()
    {
        var scale = ItemProgressScale.For(Plan, Patches, done: 2, total: 8);

        Assert.Equal(0.3 + 0.7 * 2.5 / 8, scale.JobFraction(0.5), 12);
        Assert.Equal("slide 3/8 · tumor_002 · extract 40/120", scale.Message("tumor_002", "extract 40/120"));
    }

    [Fact]
    public void AGridItemFillsItsPartOfTheFirstThirtyPercent()
    {
        var scale = ItemProgressScale.For(Plan, Grid, done: 1, total: 4);

        Assert.Equal(0.3 * 1.25 / 4, scale.JobFraction(0.25), 12);
        Assert.Equal(0.3 * 2 / 4, scale.JobFraction(1), 12);
    }

    [Fact]
    public void TheLastItemEndsTheStageAndFractionsOutsideZeroToOneAreClamped()
    {
        var scale = ItemProgressScale.For(Plan, Patches, done: 7, total: 8);

        Assert.Equal(1.0, scale.JobFraction(1), 12);
        Assert.Equal(1.0, scale.JobFraction(3), 12);
        Assert.Equal(0.3 + 0.7 * 7 / 8, scale.JobFraction(-1), 12);
        Assert.Equal("slide 8/8 · normal_001 · done", scale.Message("normal_001", "done"));
    }

    [Fact]
    public void AWholeItemsFractionIsItsJobs()
    {
        Assert.Equal(0.4, ItemProgressScale.Whole.JobFraction(0.4), 12);
        Assert.Equal(ItemProgressScale.Whole, ItemProgressScale.For([new StagePlan(JobItemStage.Whole, ClusterNode.Gpu, false)],
            new StagePlan(JobItemStage.Whole, ClusterNode.Gpu, false), 0, 1));
    }
}
