using NetVips;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public sealed class PyramidTiffTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SavedSlideHoldsThePaintedPixelsUpToJpegLoss()
    {
        var path = Path.Combine(_folder, "gradient.tif");
        PyramidTiff.SaveSlide(new GradientPainter(600, 520, 3), path, SynthOptions.DefaultMpp, _ => { }, CancellationToken.None);
        using var image = Image.NewFromFile(path);
        var pixels = image.WriteToMemory<byte>();
        Assert.Equal((600, 520), (image.Width, image.Height));
        // A smooth gradient survives JPEG within a few levels; these pixels lie well away from its mod-256 wraps.
        Assert.InRange(pixels[(10 * 600 + 40) * 3] - GradientPainter.Expected(40, 10, 0), -6, 6);
        Assert.InRange(pixels[(20 * 600 + 5) * 3 + 2] - GradientPainter.Expected(5, 20, 2), -6, 6);
    }

    [Fact]
    public void SavedMaskIsLossless()
    {
        var path = Path.Combine(_folder, "gradient_mask.tif");
        PyramidTiff.SaveMask(new GradientPainter(700, 300, 1), path, SynthOptions.DefaultMpp, _ => { }, CancellationToken.None);
        using var image = Image.NewFromFile(path);
        var pixels = image.WriteToMemory<byte>();
        for (var y = 0; y < 300; y += 7)
        for (var x = 0; x < 700; x += 3)
            Assert.Equal(GradientPainter.Expected(x, y, 0), pixels[y * 700 + x]);
    }

    [Fact]
    public void PainterFailureFailsTheFileInsteadOfPaddingIt()
    {
        var path = Path.Combine(_folder, "broken.tif");
        var error = Assert.Throws<SlideException>(() =>
            PyramidTiff.SaveSlide(new FailingPainter(1024, 6000), path, SynthOptions.DefaultMpp, _ => { }, CancellationToken.None));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("row 4000 cannot be painted", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    private sealed class FailingPainter(int width, int height) : IRowPainter
    {
        public int Width => width;
        public int Height => height;
        public int Bands => 3;

        public void Paint(int top, int rows, Span<byte> destination, int stride)
        {
            if (top <= 4000 && 4000 < top + rows) throw new InvalidOperationException("row 4000 cannot be painted");
        }
    }
}
