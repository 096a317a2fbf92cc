using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class SynthSizeTests
{
    [Theory]
    [InlineData("4096x4096", 4096, 4096)]
    [InlineData("30000X2048", 30000, 2048)]
    [InlineData(" 512x600 ", 512, 600)]
    public void ParsesWidthByHeight(string text, int width, int height) =>
        Assert.Equal((width, height), SynthSize.Parse(text));

    [Theory]
    [InlineData("4096")]
    [InlineData("4096x")]
    [InlineData("x4096")]
    [InlineData("4096x4096x3")]
    [InlineData("-5x100")]
    [InlineData("abc")]
    [InlineData("4.5x100")]
    public void RejectsTextThatIsNotWidthByHeight(string text)
    {
        var error = Assert.Throws<FormatException>(() => SynthSize.Parse(text));
        Assert.Equal($"size '{text}' is not WIDTHxHEIGHT (for example 4096x4096)", error.Message);
    }
}
