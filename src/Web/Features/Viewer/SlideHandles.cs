using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorWeb.Data;
using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Web.Features.Datasets;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// Open slides by registered-slide id, the least recently used closed beyond
/// <see cref="ViewerOptions.MaxOpenSlides"/>. One OpenSlide handle per slide serves all requests:
/// OpenSlide 3.4.1 handles are safe for concurrent reads.
/// </summary>
public sealed class SlideHandles(IDbContextFactory<TumorWebDbContext> dbFactory, IOptions<ViewerOptions> options, DatasetRoots roots)
    : IDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<int, LinkedListNode<ViewerSlide>> _open = [];
    private readonly LinkedList<ViewerSlide> _recent = new();

    public static readonly DeepZoomOptions DeepZoom = new();

    /// <summary>A lease on the slide, or null when no registered slide has this id.</summary>
    /// <exception cref="SlideException">The slide file cannot be opened; the message names it.</exception>
    public async Task<SlideLease?> AcquireAsync(int id, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_open.TryGetValue(id, out var node)) return LeaseAndTouch(node);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RegisteredSlides.AsNoTracking()
            .Where(s => s.Id == id).Select(s => new { s.Name, s.SlidePath }).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        SlideFilesInRoots.Ensure(roots.Allowed, row.SlidePath);
        var opened = Open(id, row.Name, row.SlidePath);
        lock (_lock)
        {
            // Another request may have opened it meanwhile: keep one handle.
            if (_open.TryGetValue(id, out var node))
            {
                opened.Evict();
                return LeaseAndTouch(node);
            }
            var added = _recent.AddFirst(opened);
            _open[id] = added;
            var lease = LeaseAndTouch(added);
            while (_open.Count > Math.Max(1, options.Value.MaxOpenSlides)) Close(_recent.Last!);
            return lease;
        }
    }

    private static ViewerSlide Open(int id, string name, string path)
    {
        var slide = OpenSlideSlide.Open(path);
        try
        {
            return new ViewerSlide(id, name, slide, new DeepZoomGeometry(slide.Metadata, DeepZoom), ViewerSlide.VersionOf(path));
        }
        catch
        {
            slide.Dispose();
            throw;
        }
    }

    private SlideLease LeaseAndTouch(LinkedListNode<ViewerSlide> node)
    {
        _recent.Remove(node);
        _recent.AddFirst(node);
        node.Value.AddLease();
        return new SlideLease(node.Value);
    }

    private void Close(LinkedListNode<ViewerSlide> node)
    {
        _recent.Remove(node);
        _open.Remove(node.Value.Id);
        node.Value.Evict();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            while (_recent.Last is { } last) Close(last);
        }
    }
}
