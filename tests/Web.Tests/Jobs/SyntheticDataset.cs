using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>Three small synthetic slides (two with tumor, one normal) with masks, made once per test class.</summary>
public sealed class SyntheticDataset : IDisposable
{
    public const int Side = 2048;

    public string Root { get; } = Directory.CreateTempSubdirectory("tumorweb-jobs-").FullName;
    public string Folder => Path.Combine(Root, "slides");

    public SyntheticDataset() => SyntheticSlideGenerator.Generate(new SynthOptions(Folder, 3, Side, Side, Seed: 5, NormalSlides: 1));

    /// <summary>A fresh data folder for one app (its database and run outputs).</summary>
    public string NewDataDirectory() => Directory.CreateDirectory(Path.Combine(Root, "data-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
