using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// An open registered slide, shared by every request that reads it. Closed when the cache has let go
/// of it and the last lease is returned, so eviction never closes a slide in the middle of a read.
/// </summary>
public sealed class ViewerSlide
{
    private readonly object _lock = new();
    private int _leases;
    private bool _evicted;

    public ViewerSlide(int id, string name, ISlide slide, DeepZoomGeometry geometry, string version)
    {
        Id = id;
        Name = name;
        Slide = slide;
        Geometry = geometry;
        Version = version;
    }

    public int Id { get; }
    public string Name { get; }
    public ISlide Slide { get; }
    public DeepZoomGeometry Geometry { get; }

    /// <summary>Changes when the slide file changes (size and time written), so tiles of an old file are never served.</summary>
    public string Version { get; }

    internal void AddLease()
    {
        lock (_lock) _leases++;
    }

    internal void ReleaseLease()
    {
        lock (_lock)
        {
            _leases--;
            if (_evicted && _leases == 0) Slide.Dispose();
        }
    }

    internal void Evict()
    {
        lock (_lock)
        {
            _evicted = true;
            if (_leases == 0) Slide.Dispose();
        }
    }

    /// <summary>A stamp of the file's size and last write time.</summary>
    public static string VersionOf(string path)
    {
        var file = new FileInfo(path);
        return $"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}";
    }
}

/// <summary>One request's hold on an open slide.</summary>
public sealed class SlideLease(ViewerSlide slide) : IDisposable
{
    private int _disposed;

    public ViewerSlide Slide { get; } = slide;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Slide.ReleaseLease();
    }
}
