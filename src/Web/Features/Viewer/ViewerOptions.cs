namespace TumorWeb.Web.Features.Viewer;

/// <summary>The "TumorWeb:Viewer" section: memory the slide viewer may hold.</summary>
public sealed class ViewerOptions
{
    public const string Section = "TumorWeb:Viewer";

    /// <summary>JPEG tiles kept in memory, in bytes (a 256 x 256 tile is 10-30 KB).</summary>
    public long TileCacheBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Slides kept open; OpenSlide keeps its own decoded-tile cache per open slide.</summary>
    public int MaxOpenSlides { get; set; } = 8;

    /// <summary>Tiles rendered at once; more requests wait rather than oversubscribing the cores.</summary>
    public int MaxConcurrentRenders { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a browser may reuse a tile without asking again.</summary>
    public int TileMaxAgeSeconds { get; set; } = 3600;
}
