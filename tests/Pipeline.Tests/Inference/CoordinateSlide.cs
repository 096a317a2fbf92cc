using System.Collections.Concurrent;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Inference;

/// <summary>
/// An in-memory slide whose every pixel names its grid cell (red = column, green = row, blue = 77),
/// so a classifier can tell from the patch's centre pixel which cell's context it was given.
/// It keeps every request and can fail any read that covers one cell's centre.
/// </summary>
internal sealed class CoordinateSlide : ISlide
{
    public const byte Marker = 77;
    private readonly InMemorySlide _slide;
    private readonly (long X, long Y)? _failAt;

    public CoordinateSlide(int width, int height, int cellSize, (int X, int Y)? failAt = null)
    {
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            image[x, y] = ((byte)(x / cellSize), (byte)(y / cellSize), Marker);
        _slide = new InMemorySlide(image, path: "coordinates.tif");
        _failAt = failAt is { } cell ? (cell.X * cellSize + cellSize / 2, cell.Y * cellSize + cellSize / 2) : null;
    }

    public ConcurrentQueue<RegionRequest> Requests { get; } = new();

    public SlideMetadata Metadata => _slide.Metadata;

    public void ReadRegion(RegionRequest request, Span<byte> destination)
    {
        Requests.Enqueue(request);
        if (_failAt is { } p && p.X >= request.X && p.X < request.X + request.Width && p.Y >= request.Y && p.Y < request.Y + request.Height)
            throw new SlideException("coordinates.tif", "unreadable tile");
        _slide.ReadRegion(request, destination);
    }

    /// <summary>How many of the cells have had their whole context patch read so far.</summary>
    public int CellsRead(IEnumerable<(int X, int Y)> cells, int cellSize, int patchSize)
    {
        var requests = Requests.ToArray();
        return cells.Count(cell =>
        {
            var rect = AnalysisGrid.ContextPatch(cell.X, cell.Y, cellSize, patchSize);
            return requests.Any(r => r.X <= rect.X && r.Y <= rect.Y && r.X + r.Width >= rect.X + rect.Width && r.Y + r.Height >= rect.Y + rect.Height);
        });
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
