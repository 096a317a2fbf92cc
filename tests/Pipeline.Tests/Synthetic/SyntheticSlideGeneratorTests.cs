using NetVips;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

[Collection(SyntheticDatasetCollection.Name)]
public sealed class SyntheticSlideGeneratorTests(SyntheticDatasetFixture dataset) : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SameSeedWritesByteIdenticalFiles()
    {
        var again = SyntheticSlideGenerator.Generate(dataset.Options with { OutputDirectory = _folder });
        foreach (var (first, second) in dataset.Slides.Zip(again))
        {
            Assert.Equal(File.ReadAllBytes(first.SlidePath), File.ReadAllBytes(second.SlidePath));
            Assert.Equal(File.ReadAllBytes(first.MaskPath), File.ReadAllBytes(second.MaskPath));
            Assert.Equal(File.ReadAllText(first.AnnotationPath), File.ReadAllText(second.AnnotationPath));
        }
    }

    [Fact]
    public void ASlideDoesNotDependOnHowManyOthersAreWritten()
    {
        var alone = Assert.Single(SyntheticSlideGenerator.Generate(dataset.Options with { OutputDirectory = _folder, Slides = 1, NormalSlides = 0 }));
        Assert.Equal(File.ReadAllBytes(dataset.Tumor.SlidePath), File.ReadAllBytes(alone.SlidePath));
        Assert.Equal(dataset.Tumor.TumorPolygons.SelectMany(t => t.Points), alone.TumorPolygons.SelectMany(t => t.Points));
    }

    [Fact]
    public void AnotherSeedPaintsOtherPixelsAndOtherTumors()
    {
        var other = Assert.Single(SyntheticSlideGenerator.Generate(dataset.Options with { OutputDirectory = _folder, Slides = 1, NormalSlides = 0, Seed = 12 }));
        Assert.NotEqual(dataset.Tumor.TumorPolygons.SelectMany(t => t.Points), other.TumorPolygons.SelectMany(t => t.Points));
        using var first = Image.NewFromFile(dataset.Tumor.SlidePath);
        using var second = Image.NewFromFile(other.SlidePath);
        using var difference = (first - second).Abs();
        Assert.True(difference.Avg() > 5, $"mean absolute pixel difference {difference.Avg():0.0}");
    }

    [Fact]
    public void CancellingStopsTheRunAndLeavesNoPartialFile()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new ListProgress([], _ => cancel.Cancel());
        var options = new SynthOptions(_folder, 1, 2048, 8192, 3);
        Assert.ThrowsAny<OperationCanceledException>(() => SyntheticSlideGenerator.Generate(options, progress, cancel.Token));
        Assert.Empty(Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void UnwritableOutputFolderIsNamedInTheError()
    {
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "");
        var target = Path.Combine(file, "slides");
        var error = Assert.Throws<IOException>(() => SyntheticSlideGenerator.Generate(new SynthOptions(target, 1, 1024, 1024, 1)));
        Assert.StartsWith($"{target}: cannot write to the output folder", error.Message);
    }

    [Fact]
    public void BadOptionsFailBeforeAnythingIsWritten()
    {
        var target = Path.Combine(_folder, "never");
        var error = Assert.Throws<ArgumentException>(() => SyntheticSlideGenerator.Generate(new SynthOptions(target, 2, 1024, 1024, 1, NormalSlides: 3)));
        Assert.Equal("the number of normal slides (3) cannot exceed the number of slides (2)", error.Message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void ReportsProgressPerFileAndSlide()
    {
        var reports = new List<StageProgress>();
        SyntheticSlideGenerator.Generate(new SynthOptions(_folder, 1, 1024, 1024, 5), new ListProgress(reports));
        Assert.Equal(("slide", "tumor_001"), (reports[0].Stage, reports[0].Item));
        Assert.Equal(new StageProgress("done", 2048, 2048), reports[^1]);
    }
}
