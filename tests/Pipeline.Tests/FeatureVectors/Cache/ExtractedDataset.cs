using Microsoft.EntityFrameworkCore;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.FeatureVectors.Cache;

/// <summary>
/// One extraction of the synthetic data set with its features cached once: the reference that
/// tests compare with. Tests that change things work on a <see cref="Copy"/>.
/// </summary>
public sealed class ExtractedDataset : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-features-").FullName;

    public ExtractedDataset(string datasetDirectory, ResNet18Features model, Func<ExtractionOptions, ExtractionOptions> adjust)
    {
        Database = new TestDatabase();
        ExtractionDirectory = Path.Combine(_work, "out");
        var options = adjust(new ExtractionOptions
        {
            DatasetDirectory = datasetDirectory,
            OutputDirectory = ExtractionDirectory,
            Seed = 5,
            Grid = new GridOptions { TumorSlideThreshold = 10 },
            ProgressInterval = TimeSpan.Zero,
        });
        new ExtractionRunner(Database.Factory, TimeProvider.System).RunAsync(options, null, default).GetAwaiter().GetResult();
        Reference = new FeatureCache(Database.Factory, model).BuildAsync(ExtractionDirectory, null, default).GetAwaiter().GetResult();
        ReferenceRows = Reference.Read(Enumerable.Range(0, Reference.Count).ToArray());
    }

    public TestDatabase Database { get; }
    public string ExtractionDirectory { get; }
    public FeatureSet Reference { get; }
    public float[] ReferenceRows { get; }

    public float[] ReferenceRow(int index) => ReferenceRows[(index * 512)..((index + 1) * 512)];

    /// <summary>The catalog and patch pack in a new folder, without the feature cache unless asked.</summary>
    public (TestDatabase Database, string ExtractionDirectory) Copy(string target, bool withFeatures = false)
    {
        var copy = new TestDatabase();
        File.Copy(Database.Path, copy.Path, overwrite: true);
        CopyFiles(ExtractionDirectory, target);
        if (withFeatures) CopyFiles(Path.Combine(ExtractionDirectory, "features"), Path.Combine(target, "features"));
        using var db = copy.Open();
        db.ExtractionRuns.ExecuteUpdate(s => s.SetProperty(r => r.OutputDirectory, Path.GetFullPath(target)));
        return (copy, target);
    }

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private static void CopyFiles(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    }
}
