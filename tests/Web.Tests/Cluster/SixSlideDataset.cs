using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>Six synthetic slides (two without tumor), large enough that an extraction of them takes seconds, made once per test class.</summary>
public sealed class SixSlideDataset : IDisposable
{
    public const int Side = 4096;

    public string Root { get; } = Directory.CreateTempSubdirectory("tumorweb-six-").FullName;
    public string Folder => Path.Combine(Root, "slides");

    public SixSlideDataset() => SyntheticSlideGenerator.Generate(new SynthOptions(Folder, 6, Side, Side, Seed: 11, NormalSlides: 2));

    public string NewDataDirectory() => Directory.CreateDirectory(Path.Combine(Root, "data-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
