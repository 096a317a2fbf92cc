using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Web.Features.Annotations;

namespace TumorWeb.Web.Tests.Annotations;

public sealed class AnnotationRowsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private static readonly PointD[] Triangle = [new(0, 0), new(10, 0), new(10, 10)];

    private static SlideAnnotation Row(string id, AnnotationKind kind, PointD[] points) => new()
    {
        FeatureId = id, Kind = kind, Points = AnnotationRows.PointsJson(points), Author = "ann", SavedAt = Monday,
    };

    [Fact]
    public void PointsAreStoredAsPlainCoordinatePairs()
    {
        Assert.Equal("[[0.5,0],[10,0],[10,10.25]]", AnnotationRows.PointsJson([new(0.5, 0), new(10, 0), new(10, 10.25)]));
        Assert.Equal([new PointD(0.5, 0), new PointD(10, 10.25)], AnnotationRows.PointsOf("[[0.5,0],[10,10.25]]"));
    }

    [Fact]
    public void ASaveKeepsTheAuthorOfUnchangedRegionsAndGivesNewAndChangedOnesToTheSaver()
    {
        var unchanged = Row("a", AnnotationKind.Tumor, Triangle);
        var moved = Row("b", AnnotationKind.Tumor, Triangle);
        var relabelled = Row("c", AnnotationKind.Tumor, Triangle);
        var gone = Row("d", AnnotationKind.Exclusion, Triangle);

        var changes = AnnotationRows.Merge([unchanged, moved, relabelled, gone],
        [
            new DrawnRegion("a", AnnotationKind.Tumor, Triangle),
            new DrawnRegion("b", AnnotationKind.Tumor, [new(0, 0), new(12, 0), new(10, 10)]),
            new DrawnRegion("c", AnnotationKind.Exclusion, Triangle),
            new DrawnRegion("e", AnnotationKind.Tumor, Triangle),
        ], "bob", Tuesday);

        Assert.Equal(("ann", Monday), (unchanged.Author, unchanged.SavedAt));
        Assert.Equal([("b", "bob", Tuesday), ("c", "bob", Tuesday)], changes.Changed.Select(r => (r.FeatureId, r.Author, r.SavedAt)));
        Assert.Equal("[[0,0],[12,0],[10,10]]", moved.Points);
        Assert.Equal(AnnotationKind.Exclusion, relabelled.Kind);
        Assert.Equal([("e", "bob", Tuesday)], changes.Added.Select(r => (r.FeatureId, r.Author, r.SavedAt)));
        Assert.Equal([gone], changes.Removed);
    }

    [Fact]
    public void SavingTheSameRegionsAgainChangesNothing()
    {
        var changes = AnnotationRows.Merge([Row("a", AnnotationKind.Tumor, Triangle)], [new DrawnRegion("a", AnnotationKind.Tumor, Triangle)], "bob", Tuesday);

        Assert.False(changes.Any);
    }

    [Fact]
    public void TheGroundTruthIsInFeatureIdOrderSoTheSameRowsGiveTheSameHash()
    {
        var square = new PointD[] { new(0, 0), new(4, 0), new(4, 4), new(0, 4) };
        var rows = new[] { Row("b", AnnotationKind.Tumor, square), Row("a", AnnotationKind.Tumor, Triangle), Row("c", AnnotationKind.Exclusion, Triangle) };

        var truth = AnnotationRows.GroundTruth(rows);

        Assert.Equal([Triangle, square], truth.Regions.Tumor.Select(p => p.Points.ToArray()));
        Assert.Equal([Triangle], truth.Regions.Exclusion.Select(p => p.Points.ToArray()));
        Assert.Equal(truth.Hash, AnnotationRows.GroundTruth(rows.Reverse()).Hash);
    }
}
