using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// Where datasets may live: the configured data roots, plus the demo folder the app writes itself
/// (so the demo works even when the roots point at a slide store elsewhere).
/// </summary>
public sealed class DatasetRoots(TumorWebPaths paths)
{
    public IReadOnlyList<string> Configured => paths.DataRoots;

    public string DemoFolder { get; } = Path.Combine(paths.DataDirectory, "demo");

    public IReadOnlyList<string> Allowed => [.. Configured, DemoFolder];
}
