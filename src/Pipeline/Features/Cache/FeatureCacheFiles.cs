namespace TumorWeb.Pipeline.Features.Cache;

/// <summary>The files of an extraction's feature cache, under &lt;extraction-dir&gt;/features/.</summary>
internal sealed class FeatureCacheFiles(string extractionDirectory)
{
    public string Directory { get; } = Path.Combine(extractionDirectory, "features");
    public string Features => Path.Combine(Directory, "resnet18.f32");
    public string Header => Path.Combine(Directory, "resnet18.json");
    public string Keys => Path.Combine(Directory, "resnet18.patches");
    public string Lock => Path.Combine(Directory, "resnet18.lock");

    /// <summary>One build at a time per cache: the CLI and the web app's background service may both start one.</summary>
    public FileStream TakeLock()
    {
        System.IO.Directory.CreateDirectory(Directory);
        try
        {
            return new FileStream(Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"{Directory}: another build of this feature cache is running", e);
        }
    }

    public long FeatureBytes => File.Exists(Features) ? new FileInfo(Features).Length : 0;
}
