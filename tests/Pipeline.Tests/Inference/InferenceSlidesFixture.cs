using TumorWeb.Pipeline.Inference.Baseline;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Inference;

/// <summary>Two small synthetic tumor slides, generated once for the inference tests.</summary>
public sealed class InferenceSlidesFixture : IDisposable
{
    public InferenceSlidesFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tumorweb-infer-").FullName;
        Slides = SyntheticSlideGenerator.Generate(new SynthOptions(Directory, Slides: 2, Width: 3072, Height: 3072, Seed: 3, NormalSlides: 0));
    }

    /// <summary>The baseline's settings used throughout the tests and the docs.</summary>
    public static DarknessModel Baseline { get; } = new(PatchSize: 299, Threshold: 0.02);

    public string Directory { get; }
    public IReadOnlyList<SyntheticSlide> Slides { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
