using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;

namespace TumorWeb.Pipeline.Tests.Extraction;

public sealed class SplitBalanceTests
{
    private static SlideReport Slide(DataSplit split, SlideRole role, int tumor, int normal, SlideStatus status = SlideStatus.Completed) =>
        new("s", 0, 0, 0, role, split, tumor, normal, status, null);

    [Fact]
    public void BalancedSplitsGiveNoWarning()
    {
        var slides = new[]
        {
            Slide(DataSplit.Train, SlideRole.Tumor, 30, 15), Slide(DataSplit.Train, SlideRole.Normal, 0, 15),
            Slide(DataSplit.Validation, SlideRole.Tumor, 10, 5), Slide(DataSplit.Validation, SlideRole.Normal, 0, 5),
        };
        Assert.Empty(SplitBalance.Warnings(slides));
    }

    [Fact]
    public void SplitWithoutNormalSlideIsNamedWithItsCounts()
    {
        var slides = new[]
        {
            Slide(DataSplit.Train, SlideRole.Tumor, 30, 15), Slide(DataSplit.Train, SlideRole.Normal, 0, 15),
            Slide(DataSplit.Validation, SlideRole.Tumor, 16, 8),
        };
        Assert.Equal(["validation: 16 tumour, 8 normal: no normal slide in this split"], SplitBalance.Warnings(slides));
    }

    [Fact]
    public void SplitWithoutTumourSlideIsNamed()
    {
        var slides = new[]
        {
            Slide(DataSplit.Train, SlideRole.Tumor, 30, 15), Slide(DataSplit.Train, SlideRole.Normal, 0, 15),
            Slide(DataSplit.Validation, SlideRole.Tumor, 10, 5), Slide(DataSplit.Validation, SlideRole.Normal, 0, 5),
            Slide(DataSplit.Test, SlideRole.Normal, 0, 0),
        };
        Assert.Equal(["test: 0 tumour, 0 normal: no patch was sampled in this split"], SplitBalance.Warnings(slides));
    }

    [Fact]
    public void MissingValidationSplitIsAWarningButAMissingTestSplitIsNot()
    {
        var slides = new[] { Slide(DataSplit.Train, SlideRole.Tumor, 30, 15), Slide(DataSplit.Train, SlideRole.Normal, 0, 15) };
        Assert.Equal(["validation: no slide in this split: training will report no validation metrics"], SplitBalance.Warnings(slides));
    }

    [Fact]
    public void TooFewNormalCellsOnTumourSlidesIsTheReasonWhenBothRolesArePresent()
    {
        var slides = new[]
        {
            Slide(DataSplit.Train, SlideRole.Tumor, 60, 10), Slide(DataSplit.Train, SlideRole.Normal, 0, 10),
            Slide(DataSplit.Validation, SlideRole.Tumor, 10, 5), Slide(DataSplit.Validation, SlideRole.Normal, 0, 5),
        };
        Assert.Equal(["training: 60 tumour, 20 normal: too few normal cells to balance this split"], SplitBalance.Warnings(slides));
    }

    [Fact]
    public void FailedSlidesDoNotCount()
    {
        var slides = new[]
        {
            Slide(DataSplit.Train, SlideRole.Tumor, 30, 15), Slide(DataSplit.Train, SlideRole.Normal, 0, 15),
            Slide(DataSplit.Validation, SlideRole.Tumor, 10, 5), Slide(DataSplit.Validation, SlideRole.Normal, 0, 5),
            Slide(DataSplit.Test, SlideRole.Tumor, 0, 0, SlideStatus.Failed),
        };
        Assert.Empty(SplitBalance.Warnings(slides));
    }
}
