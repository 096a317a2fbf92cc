using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// Where datasets may live: the configured data roots, the roots admins added in the app (see
/// <see cref="DataRootsAdmin"/>), plus the demo folder the app writes itself (so the demo works even
/// when the roots point at a slide store elsewhere).
/// </summary>
public sealed class DatasetRoots(TumorWebPaths paths)
{
    private volatile IReadOnlyList<string> _added = [];

    public IReadOnlyList<string> Configured => paths.DataRoots;

    public IReadOnlyList<string> Added => _added;

    public string DemoFolder { get; } = Path.Combine(paths.DataDirectory, "demo");

    public IReadOnlyList<string> Allowed => [.. Configured, .. _added, DemoFolder];

    internal void SetAdded(IEnumerable<string> roots) => _added = roots.ToList();
}
