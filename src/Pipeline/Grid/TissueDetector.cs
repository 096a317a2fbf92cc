using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// Finds tissue cells on the grid thumbnail (one pixel per cell). Method (see docs/grid.md):
/// compute the HSV saturation of every pixel that is not near-black; Otsu's threshold on that
/// histogram splits pale glass from stained tissue; a cell is tissue when its saturation is above
/// the threshold and it is neither near-white nor near-black; finally 8-connected tissue
/// components smaller than the minimum area are dropped as dust and debris.
/// </summary>
public static class TissueDetector
{
    public static CellMask Detect(RgbImage thumbnail, int minArea)
    {
        var threshold = Otsu.Threshold(SaturationHistogram(thumbnail));
        var tissue = new CellMask(thumbnail.Width, thumbnail.Height);
        for (var y = 0; y < thumbnail.Height; y++)
        for (var x = 0; x < thumbnail.Width; x++)
        {
            var (r, g, b) = thumbnail[x, y];
            tissue[x, y] = TissuePixel.Saturation(r, g, b) > threshold
                && !TissuePixel.IsNearWhite(r, g, b) && !TissuePixel.IsNearBlack(r, g, b);
        }
        return minArea > 1 ? ConnectedComponents.RemoveSmall(tissue, minArea) : tissue;
    }

    /// <summary>256 bins of saturation over the pixels that are not near-black.</summary>
    public static long[] SaturationHistogram(RgbImage image)
    {
        var histogram = new long[256];
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            if (TissuePixel.IsNearBlack(pixels[i], pixels[i + 1], pixels[i + 2])) continue;
            histogram[TissuePixel.Saturation(pixels[i], pixels[i + 1], pixels[i + 2])]++;
        }
        return histogram;
    }
}
