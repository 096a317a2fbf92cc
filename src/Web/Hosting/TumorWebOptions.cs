namespace TumorWeb.Web.Hosting;

/// <summary>The "TumorWeb" section of appsettings.json (or TumorWeb__X environment variables).</summary>
public sealed class TumorWebOptions
{
    public const string Section = "TumorWeb";

    public static TumorWebOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TumorWebOptions>() ?? new TumorWebOptions();

    /// <summary>Where the database, run outputs and the demo dataset live; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The SQLite file; default &lt;DataDirectory&gt;/tumorweb.db. Not used when <see cref="Cluster"/> names a PostgreSQL database.</summary>
    public string? Database { get; set; }

    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Folders under which datasets may be registered; nothing outside them is read.</summary>
    public List<string> DataRoots { get; set; } = [];

    /// <summary>Generate and register a small synthetic dataset on a first start with no datasets.</summary>
    public bool DemoDataset { get; set; } = true;

    /// <summary>
    /// Most pixels tissue detection (and a slide's thumbnail) may decode; a slide with no level near
    /// downsample 128 and a larger level 0 is refused with its numbers instead of read for hours.
    /// </summary>
    public long MaxTissuePixels { get; set; } = Pipeline.Grid.GridOptions.DefaultMaxTissuePixels;

    /// <summary>
    /// Patches an extraction stores at a time: its checkpoint. A crash, a cancel or a worker's shutdown
    /// loses at most one batch of work, and a smaller batch stops sooner; a larger one writes less often.
    /// </summary>
    public int ExtractionBatchSize { get; set; } = Pipeline.Extraction.ExtractionOptions.DefaultBatchSize;

    /// <summary>Jobs run at once on the compute device.</summary>
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>
    /// Reverse proxies whose X-Forwarded-* headers are believed: IP addresses (10.0.0.5) or networks
    /// (10.0.0.0/8). None by default, and then forwarded headers are not read at all.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The address people reach the app at (https://tumorweb.lab.example); share links start with it when set.</summary>
    public string? PublicBaseUrl { get; set; }
}
