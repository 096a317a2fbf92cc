using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

/// <summary>One small generated dataset (a tumor slide and a normal slide) shared by the tests that only read it.</summary>
public sealed class SyntheticDatasetFixture : IDisposable
{
    public const int Size = 2048;
    public const int Seed = 11;

    public SyntheticDatasetFixture()
    {
        Folder = TempFolder.Create();
        Options = new SynthOptions(Folder, 2, Size, Size, Seed, NormalSlides: 1);
        Slides = SyntheticSlideGenerator.Generate(Options, new ListProgress(Reports));
    }

    public string Folder { get; }
    public SynthOptions Options { get; }
    public IReadOnlyList<SyntheticSlide> Slides { get; }
    public List<StageProgress> Reports { get; } = [];
    public SyntheticSlide Tumor => Slides.Single(s => s.HasTumor);
    public SyntheticSlide Normal => Slides.Single(s => !s.HasTumor);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SyntheticDatasetCollection : ICollectionFixture<SyntheticDatasetFixture>
{
    public const string Name = "synthetic dataset";
}

/// <summary>Records reports synchronously, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
public sealed class ListProgress(List<StageProgress> reports, Action<StageProgress>? onReport = null) : IProgress<StageProgress>
{
    public void Report(StageProgress value)
    {
        lock (reports) reports.Add(value);
        onReport?.Invoke(value);
    }
}

public static class TempFolder
{
    public static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tumorweb-synth-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
