using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class SynthOptionsTests
{
    private static readonly SynthOptions Valid = new("out", Slides: 3, Width: 2048, Height: 1024, Seed: 1, NormalSlides: 1);

    [Fact]
    public void SensibleOptionsPass()
    {
        Valid.Validate();
        Assert.Equal(2, Valid.TumorSlides);
    }

    [Fact]
    public void AllSlidesMayBeNormal() => (Valid with { NormalSlides = 3 }).Validate();

    [Theory]
    [InlineData(0, 0, 2048, 2048, "the number of slides must be at least 1 (got 0)")]
    [InlineData(2, 3, 2048, 2048, "the number of normal slides (3) cannot exceed the number of slides (2)")]
    [InlineData(2, -1, 2048, 2048, "the number of normal slides cannot be negative (got -1)")]
    [InlineData(1, 0, 511, 2048, "slide size 511x2048 is too small: width and height must each be at least 512 pixels")]
    [InlineData(1, 0, 2048, 100, "slide size 2048x100 is too small: width and height must each be at least 512 pixels")]
    [InlineData(1, 0, 300000, 2048, "slide size 300000x2048 is too large: width and height must each be at most 200000 pixels")]
    public void BadOptionsNameTheProblem(int slides, int normal, int width, int height, string message)
    {
        var options = Valid with { Slides = slides, NormalSlides = normal, Width = width, Height = height };
        Assert.Equal(message, Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void EmptyOutputFolderIsRejected() =>
        Assert.Equal("the output folder is empty", Assert.Throws<ArgumentException>((Valid with { OutputDirectory = " " }).Validate).Message);
}
