using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// One cached PNG per registered slide, about <see cref="LongSide"/> pixels on its long side, in
/// &lt;DataDirectory&gt;/thumbnails/{slideId}.png. Files are named by id only, so no request ever
/// chooses a path.
/// </summary>
public sealed class SlideThumbnails(TumorWebPaths paths)
{
    public const int LongSide = 512;

    public string Folder { get; } = Path.Combine(paths.DataDirectory, "thumbnails");

    public string PathOf(int slideId) => Path.Combine(Folder, $"{slideId}.png");

    /// <summary>
    /// Box-averages a coarse level tile by tile (never level 0 whole), then swaps the file in; a
    /// level over <paramref name="maxPixels"/> is refused with a <see cref="SlideException"/> before any read.
    /// </summary>
    public void Write(ISlide slide, int slideId, long maxPixels, CancellationToken ct)
    {
        var image = GridThumbnail.Read(slide, CellSize(slide.Metadata.Width, slide.Metadata.Height), maxPixels, maxDegree: 2, progress: null, ct);
        Directory.CreateDirectory(Folder);
        var partial = PathOf(slideId) + ".partial.png";
        PngFile.Write(image, partial);
        File.Move(partial, PathOf(slideId), overwrite: true);
    }

    /// <summary>Removes the slide's thumbnail if there is one (none yet when its scan has not reached it).</summary>
    public void Delete(int slideId)
    {
        var path = PathOf(slideId);
        // File.Delete ignores a missing file but throws for a missing folder, as before the first thumbnail.
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>Level-0 pixels averaged into one thumbnail pixel so the long side fits <see cref="LongSide"/>.</summary>
    public static int CellSize(long width, long height) =>
        (int)Math.Max(1, (Math.Max(width, height) + LongSide - 1) / LongSide);
}
