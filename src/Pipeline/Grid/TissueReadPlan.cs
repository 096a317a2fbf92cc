using System.Globalization;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// Which pyramid level tissue detection (and a slide's thumbnail) decodes: the coarsest level not
/// coarser than a cell. A slide whose level has more pixels than the budget is refused before any
/// decode: a crafted TIFF that claims 10^6 x 10^6 pixels with no pyramid would otherwise keep a
/// core busy for hours.
/// </summary>
public static class TissueReadPlan
{
    /// <exception cref="SlideException">That level holds more than <paramref name="maxPixels"/> pixels; the message gives the numbers.</exception>
    public static int Level(SlideMetadata metadata, int cellSize, long maxPixels)
    {
        var index = metadata.BestLevelForDownsample(cellSize);
        var level = metadata.Levels[index];
        // As doubles: a TIFF may claim 2^32 x 2^32 pixels, past what a long holds.
        if ((double)level.Width * level.Height <= maxPixels) return index;
        throw new SlideException(metadata.Path, string.Create(CultureInfo.InvariantCulture,
            $"tissue detection would decode {level.Width:N0} x {level.Height:N0} pixels at level {index} " +
            $"(downsample {level.Downsample:0.##}; no level near downsample {cellSize}); " +
            $"the limit is {maxPixels:N0} pixels (setting MaxTissuePixels)"));
    }
}
