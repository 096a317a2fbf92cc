using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Training;

/// <summary>
/// Five synthetic 3072 x 3072 slides (four with tumor, one without) extracted once into a patch
/// pack and a catalog: three tumor slides and the normal one train, one tumor slide validates.
/// </summary>
public sealed class TrainingExtractionFixture : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tumorweb-train-").FullName;

    public TrainingExtractionFixture()
    {
        var slides = Path.Combine(_root, "slides");
        SyntheticSlideGenerator.Generate(new SynthOptions(slides, Slides: 5, Width: 3072, Height: 3072, Seed: 21, NormalSlides: 1));
        PatchesDirectory = Path.Combine(_root, "patches");
        var options = new ExtractionOptions
        {
            DatasetDirectory = slides,
            OutputDirectory = PatchesDirectory,
            Seed = 3,
            Grid = new GridOptions { TumorSlideThreshold = 10 },
            ValidationFraction = 0.25,
            TestFraction = 0,
        };
        new ExtractionRunner(Database.Factory, TimeProvider.System).RunAsync(options, null, default).GetAwaiter().GetResult();
        using var db = Database.Open();
        ExtractionRunId = db.ExtractionRuns.Single().Id;
        TrainIds = db.Patches.Where(p => p.Split == DataSplit.Train).Select(p => p.Id).ToHashSet();
        ValidationIds = db.Patches.Where(p => p.Split == DataSplit.Validation).Select(p => p.Id).ToHashSet();
    }

    public TestDatabase Database { get; } = new();
    public string PatchesDirectory { get; }
    public int ExtractionRunId { get; }
    public IReadOnlySet<long> TrainIds { get; }
    public IReadOnlySet<long> ValidationIds { get; }

    /// <summary>A fresh folder for one test's run output.</summary>
    public string NewOutputDirectory() => Directory.CreateTempSubdirectory("tumorweb-run-").FullName;

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>
/// Training tests share one extraction and run alone: libtorch's generator and thread count are
/// process-wide, and the resume tests compare weights bit for bit.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection : ICollectionFixture<TrainingExtractionFixture>
{
    public const string Name = "training";
}
