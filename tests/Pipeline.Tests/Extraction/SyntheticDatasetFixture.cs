using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Extraction;

/// <summary>Three tumor slides and one normal slide, generated once for a test class.</summary>
public sealed class SyntheticDatasetFixture : IDisposable
{
    public SyntheticDatasetFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tumorweb-synth-").FullName;
        Slides = SyntheticSlideGenerator.Generate(new SynthOptions(Directory, Slides: 4, Width: 3072, Height: 2560, Seed: 11, NormalSlides: 1));
    }

    public string Directory { get; }
    public IReadOnlyList<SyntheticSlide> Slides { get; }

    /// <summary>A copy of the dataset folder a test may damage or extend.</summary>
    public string CopyTo(string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
