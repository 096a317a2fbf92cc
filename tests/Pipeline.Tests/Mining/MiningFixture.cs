using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Mining;

/// <summary>Six small synthetic slides (two without tumor) extracted once, with slides in all three splits.</summary>
public sealed class MiningFixture : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tumorweb-mine-").FullName;

    public MiningFixture()
    {
        var slides = Path.Combine(_root, "slides");
        SyntheticSlideGenerator.Generate(new SynthOptions(slides, Slides: 6, Width: 2048, Height: 2048, Seed: 8, NormalSlides: 2));
        PatchesDirectory = Path.Combine(_root, "patches");
        Grid = new GridOptions { TumorSlideThreshold = 10 };
        new ExtractionRunner(Database.Factory, TimeProvider.System).RunAsync(new ExtractionOptions
        {
            DatasetDirectory = slides, OutputDirectory = PatchesDirectory, Seed = 2, Grid = Grid, ValidationFraction = 0.3, TestFraction = 0.3,
        }, null, default).GetAwaiter().GetResult();
    }

    public TestDatabase Database { get; } = new();
    public string PatchesDirectory { get; }
    public GridOptions Grid { get; }

    /// <summary>A folder for one test's derived run, beside the source.</summary>
    public string NewOutput() => Path.Combine(_root, $"derived-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>Mining trains a model at the end; libtorch's threads and generator are process-wide, so these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MiningCollection : ICollectionFixture<MiningFixture>
{
    public const string Name = "mining";
}
