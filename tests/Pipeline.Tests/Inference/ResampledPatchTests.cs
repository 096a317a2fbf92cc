using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Inference;

public class ResampledPatchTests
{
    [Fact]
    public void AnImageOfThePatchSizeIsCopiedAsItIs()
    {
        var rgb = Enumerable.Range(0, 2 * 2 * 3).Select(i => (byte)(i * 10)).ToArray();
        var output = new byte[12];
        ResampledPatch.Resize(rgb, 2, 2, 2, output);
        Assert.Equal(rgb, output);
    }

    [Fact]
    public void ADoubleSizedPatchIsHalvedKeepingItsHalves()
    {
        // 8 x 8: left half red, right half blue; resampled to 4 x 4 the outer columns keep their colour.
        var rgb = new byte[8 * 8 * 3];
        for (var y = 0; y < 8; y++)
        for (var x = 0; x < 8; x++)
            rgb[(y * 8 + x) * 3 + (x < 4 ? 0 : 2)] = 200;
        var output = new byte[4 * 4 * 3];

        ResampledPatch.Resize(rgb, 8, 8, 4, output);

        for (var y = 0; y < 4; y++)
        {
            Assert.Equal((200, 0, 0), (output[(y * 4) * 3], output[(y * 4) * 3 + 1], output[(y * 4) * 3 + 2]));
            Assert.Equal((0, 0, 200), (output[(y * 4 + 3) * 3], output[(y * 4 + 3) * 3 + 1], output[(y * 4 + 3) * 3 + 2]));
        }
    }
}
