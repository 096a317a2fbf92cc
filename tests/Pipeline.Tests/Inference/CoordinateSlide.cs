using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Inference;

/// <summary>
/// An in-memory slide whose every pixel names its grid cell (red = column, green = row, blue = 77),
/// so a classifier can tell from the patch's centre pixel which cell's context it was given.
/// It counts its reads and can fail on one cell's patch.
/// </summary>
internal sealed class CoordinateSlide : ISlide
{
    public const byte Marker = 77;
    private readonly InMemorySlide _slide;
    private int _reads;

    public CoordinateSlide(int width, int height, int cellSize, (int X, int Y)? failAt = null, int patchSize = 0)
    {
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            image[x, y] = ((byte)(x / cellSize), (byte)(y / cellSize), Marker);
        _slide = new InMemorySlide(image, path: "coordinates.tif");
        FailAt = failAt is { } cell ? AnalysisGrid.ContextPatch(cell.X, cell.Y, cellSize, patchSize) : null;
    }

    private LevelZeroRect? FailAt { get; }

    public int Reads => Volatile.Read(ref _reads);

    public SlideMetadata Metadata => _slide.Metadata;

    public void ReadRegion(RegionRequest request, Span<byte> destination)
    {
        Interlocked.Increment(ref _reads);
        if (FailAt is { } rect && (rect.X, rect.Y) == (request.X, request.Y))
            throw new SlideException("coordinates.tif", $"cannot read ({request.X}, {request.Y})");
        _slide.ReadRegion(request, destination);
    }

    /// <summary>The cell whose context patch this is, from its centre pixel.</summary>
    public static (int X, int Y) CentreCell(ReadOnlySpan<byte> patch, int patchSize)
    {
        var centre = (patchSize / 2 * patchSize + patchSize / 2) * 3;
        if (patch[centre + 2] != Marker) throw new InvalidOperationException("the patch centre is not on the slide");
        return (patch[centre], patch[centre + 1]);
    }

    public void Dispose() => _slide.Dispose();
}
