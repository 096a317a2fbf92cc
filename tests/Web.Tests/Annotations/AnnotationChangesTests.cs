using TumorWeb.Web.Features.Annotations;

namespace TumorWeb.Web.Tests.Annotations;

public sealed class AnnotationChangesTests
{
    [Fact]
    public void ARunIsToldWhichSlidesAnnotationsWereEditedOrDroppedSinceAndNothingOfTheOthers()
    {
        var changes = AnnotationChanges.Describe(
            [("tumor_002", "1111"), ("tumor_001", "aaaa"), ("normal_001", "2222")],
            new Dictionary<string, string> { ["tumor_001"] = "bbbb", ["normal_001"] = "2222" });

        Assert.Equal(
        [
            "tumor_001: its annotations were edited since this run (the run used aaaa, now bbbb)",
            "tumor_002: no longer takes the app's annotations as ground truth (the run used annotations 1111)",
        ], changes);
    }
}
