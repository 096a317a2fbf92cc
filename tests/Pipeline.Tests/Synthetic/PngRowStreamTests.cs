using NetVips;
using TumorWeb.Pipeline.Synthetic.Png;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class PngRowStreamTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void LibvipsReadsBackEveryPaintedByte(int bands)
    {
        // Tall enough for several strips and a short last band.
        const int width = 700, height = 4100;
        var rowsDone = 0;
        using var stream = new PngRowStream(new GradientPainter(width, height, bands), rows => rowsDone += rows, CancellationToken.None);
        using var image = Image.NewFromStream(stream, access: Enums.Access.Sequential);
        var pixels = image.WriteToMemory<byte>();
        Assert.Equal((width, height, bands), (image.Width, image.Height, image.Bands));
        for (var y = 0; y < height; y += 37)
        for (var x = 0; x < width; x += 13)
        for (var b = 0; b < bands; b++)
            Assert.Equal(GradientPainter.Expected(x, y, b), pixels[(y * width + x) * bands + b]);
        Assert.Equal(height, rowsDone);
    }

    [Fact]
    public void ReadingStopsWithAnErrorWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var stream = new PngRowStream(new GradientPainter(512, 100_000, 3), _ => cancel.Cancel(), cancel.Token);
        var buffer = new byte[1 << 16];
        Assert.Throws<IOException>(() =>
        {
            while (stream.Read(buffer) > 0) { }
        });
        Assert.IsAssignableFrom<OperationCanceledException>(stream.Failure);
    }
}
