namespace TumorWeb.Pipeline.FeatureVectors.Cache;

/// <summary>The files of an extraction's feature cache of one base, under &lt;extraction-dir&gt;/features/&lt;name&gt;.*.</summary>
internal sealed class FeatureCacheFiles(string extractionDirectory, string name)
{
    public string Directory { get; } = Path.Combine(extractionDirectory, "features");
    public string Features => Path.Combine(Directory, name + ".f32");
    public string Header => Path.Combine(Directory, name + ".json");
    public string Keys => Path.Combine(Directory, name + ".patches");
    public string Lock => Path.Combine(Directory, name + ".lock");

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
