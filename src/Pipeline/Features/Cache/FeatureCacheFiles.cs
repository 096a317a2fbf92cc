namespace TumorWeb.Pipeline.Features.Cache;

/// <summary>The files of an extraction's feature cache, under &lt;extraction-dir&gt;/features/.</summary>
internal sealed class FeatureCacheFiles(string extractionDirectory)
{
    public string Directory { get; } = Path.Combine(extractionDirectory, "features");
    public string Features => Path.Combine(Directory, "resnet18.f32");
    public string Header => Path.Combine(Directory, "resnet18.json");
    public string Keys => Path.Combine(Directory, "resnet18.patches");

    public long FeatureBytes => File.Exists(Features) ? new FileInfo(Features).Length : 0;
}
