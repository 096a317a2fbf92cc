using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public sealed class SlideRoleReasonTests
{
    [Theory]
    [InlineData(SlideRole.Normal, 86, 100, false, "86 tumour cells < 100")]
    [InlineData(SlideRole.Tumor, 100, 100, false, "100 tumour cells ≥ 100")]
    [InlineData(SlideRole.Tumor, 3, 100, true, "set by a user")]
    [InlineData(SlideRole.Tumor, 12, 100, false, "12 tumour cells; set before the threshold was 100")]
    [InlineData(SlideRole.Unknown, 0, 100, false, null)]
    public void ReasonStatesTheCountAgainstTheThresholdOrWhoChose(SlideRole role, int tumorCells, int threshold, bool byUser, string? reason) =>
        Assert.Equal(reason, SlideRoleReason.Describe(role, tumorCells, threshold, byUser));
}
