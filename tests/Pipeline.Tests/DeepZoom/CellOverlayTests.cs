using NetVips;
using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Pipeline.Tests.DeepZoom;

public sealed class CellOverlayTests
{
    [Fact]
    public void MaskCellsAreOpaqueInTheColourAndTheRestTransparent()
    {
        var mask = new CellMask(3, 2) { [2, 1] = true };

        var rgba = CellOverlay.Mask(mask, (0, 200, 0));

        Assert.Equal(24, rgba.Length);
        Assert.Equal(new byte[] { 0, 200, 0, 255 }, rgba[20..24]);
        Assert.All(rgba[..20], b => Assert.Equal(0, b));
    }

    [Fact]
    public void HeatmapCellsTakeJetColoursOnTissueOnly()
    {
        var rgba = CellOverlay.Heatmap([0f, 1f, 0.9f], [true, true, false]);

        Assert.Equal(new byte[] { 0, 0, 128, 255, 128, 0, 0, 255, 0, 0, 0, 0 }, rgba);
    }

    [Fact]
    public void CellsBelowTheThresholdAreTransparentAndTheRestTakeTheChosenColourmap()
    {
        var rgba = CellOverlay.Heatmap([0.2f, 0.3f, 1f, float.NaN], [true, true, true, true], HeatmapColormap.Viridis, threshold: 0.3f);

        Assert.Equal(new byte[] { 0, 0, 0, 0 }, rgba[..4]);
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, rgba[12..16]);
        Assert.Equal(255, rgba[7]);
        Assert.Equal(new byte[] { 253, 231, 37, 255 }, rgba[8..12]);
    }

    [Fact]
    public void ThePngHasOnePixelPerCellAndKeepsAlpha()
    {
        var rgba = CellOverlay.Mask(new CellMask(5, 3) { [4, 2] = true }, (255, 0, 0));

        using var png = Image.NewFromBuffer(RgbaPng.Encode(rgba, 5, 3));

        Assert.Equal((5, 3, 4), (png.Width, png.Height, png.Bands));
        Assert.Equal([255.0, 0, 0, 255], png.Getpoint(4, 2));
        Assert.Equal([0.0, 0, 0, 0], png.Getpoint(0, 0));
    }
}
