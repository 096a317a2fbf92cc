using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class TumorPlannerTests
{
    public static TheoryData<int, int, int> Slides => new()
    {
        { 1, 4096, 4096 }, { 2, 4096, 4096 }, { 3, 2048, 2048 }, { 4, 2048, 2048 }, { 5, 8192, 3000 },
        { 6, 1024, 1024 }, { 7, 100_000, 100_000 }, { 8, 512, 512 }, { 9, 30_000, 2048 },
    };

    [Theory]
    [MemberData(nameof(Slides))]
    public void AFewTumorsCoverThreeToFifteenPercentOfTheTissue(int seed, int width, int height)
    {
        var recipe = SlideRecipe.Create(seed, "tumor_001", true, width, height);
        Assert.InRange(recipe.Tumors.Count, 1, 4);
        var coverage = recipe.Tumors.Sum(t => t.Area) / recipe.Tissue.EstimateArea(width, height);
        Assert.InRange(coverage, 0.03, 0.15);
    }

    [Theory]
    [MemberData(nameof(Slides))]
    public void TumorsLieInsideTissueIncludingItsRaggedEdge(int seed, int width, int height)
    {
        var recipe = SlideRecipe.Create(seed, "tumor_001", true, width, height);
        foreach (var tumor in recipe.Tumors)
        {
            Assert.All(tumor.Points, p => Assert.True(recipe.Tissue.ValueAt(p.X, p.Y) > 0, $"vertex {p} off tissue"));
            var stepX = (tumor.MaxX - tumor.MinX) / 40;
            var stepY = (tumor.MaxY - tumor.MinY) / 40;
            for (var y = tumor.MinY; y <= tumor.MaxY; y += stepY)
            for (var x = tumor.MinX; x <= tumor.MaxX; x += stepX)
                if (tumor.Contains(x, y)) Assert.True(recipe.Tissue.ValueAt(x, y) > 0, $"({x}, {y}) inside a tumor but off tissue");
        }
    }

    [Fact]
    public void TumorsDoNotOverlap()
    {
        var tumors = SlideRecipe.Create(12, "tumor_001", true, 4096, 4096).Tumors;
        foreach (var a in tumors)
        foreach (var b in tumors.Where(b => b != a))
            Assert.DoesNotContain(a.Points, p => b.Contains(p.X, p.Y));
    }

    [Fact]
    public void NormalSlidesHaveNoTumors() =>
        Assert.Empty(SlideRecipe.Create(1, "normal_001", false, 2048, 2048).Tumors);

    [Fact]
    public void EachSlideDependsOnlyOnSeedAndName()
    {
        var first = SlideRecipe.Create(1, "tumor_002", true, 2048, 2048).Tumors;
        Assert.Equal(first.SelectMany(t => t.Points), SlideRecipe.Create(1, "tumor_002", true, 2048, 2048).Tumors.SelectMany(t => t.Points));
        Assert.NotEqual(first.SelectMany(t => t.Points), SlideRecipe.Create(1, "tumor_001", true, 2048, 2048).Tumors.SelectMany(t => t.Points));
        Assert.NotEqual(first.SelectMany(t => t.Points), SlideRecipe.Create(2, "tumor_002", true, 2048, 2048).Tumors.SelectMany(t => t.Points));
    }
}
