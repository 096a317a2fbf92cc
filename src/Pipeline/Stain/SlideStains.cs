using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Where stain estimates come from, each from a bounded sample: a slide's tissue cells (the context
/// patches of up to <see cref="SampledPatches"/> cells spread evenly over its tissue, as scoring reads
/// them), a training slide's stored patches (the same number, from the patch pack), or a reference
/// region (read at the pyramid level that keeps it under <see cref="MaxRegionPixels"/>).
/// </summary>
public static class SlideStains
{
    public const int SampledPatches = 24;
    public const long MaxRegionPixels = 2048L * 2048;

    /// <summary>The stain of a slide's tissue; null when it has too little tissue to fit one.</summary>
    public static SlideStain? FromSlide(ISlide slide, IReadOnlyList<(int X, int Y)> tissueCells, int cellSize, int patchSize, CancellationToken ct)
    {
        var sample = new StainSample();
        var pixels = new byte[patchSize * patchSize * 3];
        foreach (var (x, y) in Spread(tissueCells))
        {
            ct.ThrowIfCancellationRequested();
            var patch = AnalysisGrid.ContextPatch(x, y, cellSize, patchSize);
            slide.ReadRegion(new RegionRequest(0, patch.X, patch.Y, patchSize, patchSize), pixels);
            sample.Add(pixels, patchSize);
        }
        return sample.Fit();
    }

    /// <summary>The stain of one slide's stored patches; null when they hold too little tissue.</summary>
    public static SlideStain? FromPatches(PatchPackReader reader, IReadOnlyList<PatchLocation> patches, int patchSize)
    {
        var sample = new StainSample();
        var pixels = new byte[patchSize * patchSize * 3];
        foreach (var location in Spread(patches))
        {
            reader.Read(location, pixels);
            sample.Add(pixels, patchSize);
        }
        return sample.Fit();
    }

    /// <exception cref="ArgumentException">The region lies outside the slide or holds too little tissue.</exception>
    public static SlideStain FromRegion(StainReferenceRegion region)
    {
        using var slide = OpenSlideSlide.Open(region.SlidePath);
        var metadata = slide.Metadata;
        Settings.Require(region.X + region.Width <= metadata.Width && region.Y + region.Height <= metadata.Height,
            $"{region.SlidePath}: stain reference region {region} lies outside the slide ({metadata.Width} x {metadata.Height})");
        var level = metadata.BestLevelForDownsample(Math.Max(1, Math.Sqrt((double)region.Width * region.Height / MaxRegionPixels)));
        var downsample = metadata.Levels[level].Downsample;
        var width = (int)Math.Max(1, region.Width / downsample);
        var height = (long)Math.Max(1, region.Height / downsample);
        // A slide without a coarse enough level is sampled at a wider stride, and read in bands, so memory stays bounded.
        var stride = (int)Math.Max(StainSample.Stride, Math.Ceiling(Math.Sqrt((double)width * height / StainSample.MaxPixels)));
        var sample = new StainSample(stride);
        var bandRows = (int)Math.Max(stride, Math.Min(height, MaxRegionPixels / width) / stride * stride);
        for (long row = 0; row < height; row += bandRows)
        {
            var request = new RegionRequest(level, region.X, region.Y + (long)(row * downsample), width, (int)Math.Min(bandRows, height - row));
            sample.Add(slide.ReadRegion(request).Pixels, width);
        }
        return sample.Fit() ?? throw new ArgumentException(
            $"{region.SlidePath}: stain reference region {region} holds too little tissue to fit a stain (fewer than {StainSample.MinPixels} stained pixels)");
    }

    /// <summary>
    /// The reference region as a picture about <paramref name="side"/> pixels across, read at the
    /// pyramid level closest to that (never larger than <see cref="MaxRegionPixels"/>), for the run page.
    /// </summary>
    public static RgbImage Thumbnail(StainReferenceRegion region, int side)
    {
        using var slide = OpenSlideSlide.Open(region.SlidePath);
        var level = slide.Metadata.BestLevelForDownsample(Math.Max(1, Math.Max(region.Width, region.Height) / (double)side));
        var downsample = slide.Metadata.Levels[level].Downsample;
        var (width, height) = ((int)Math.Max(1, region.Width / downsample), (int)Math.Max(1, region.Height / downsample));
        Settings.Require((long)width * height <= MaxRegionPixels,
            $"{region.SlidePath}: no pyramid level small enough for a picture of {region} ({width} x {height} pixels at the coarsest fitting level)");
        return slide.ReadRegion(new RegionRequest(level, region.X, region.Y, width, height));
    }

    /// <summary>Up to <see cref="SampledPatches"/> items spread evenly over the list, first included.</summary>
    public static IEnumerable<T> Spread<T>(IReadOnlyList<T> items)
    {
        var take = Math.Min(SampledPatches, items.Count);
        for (var i = 0; i < take; i++) yield return items[(int)((long)i * items.Count / take)];
    }
}
