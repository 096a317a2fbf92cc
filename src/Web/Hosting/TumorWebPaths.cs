using Microsoft.Extensions.Options;

namespace TumorWeb.Web.Hosting;

/// <summary>The options' folders made absolute against the content root, created on first use.</summary>
public sealed class TumorWebPaths(IOptions<TumorWebOptions> options, IHostEnvironment environment)
{
    public string DataDirectory { get; } = Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);

    public string DatabaseFile => options.Value.Database is { } file
        ? Path.GetFullPath(file, environment.ContentRootPath)
        : Path.Combine(DataDirectory, "tumorweb.db");

    /// <summary>
    /// The SQLite file a run's folder names as its catalog (training.json), so <c>tumorweb train --resume</c>
    /// finds it; null in a cluster, where the catalog is the PostgreSQL database the environment names.
    /// </summary>
    public string? CatalogFile => options.Value.Cluster.Enabled ? null : DatabaseFile;

    public IReadOnlyList<string> DataRoots => options.Value.DataRoots.Count == 0
        ? [DataDirectory]
        : options.Value.DataRoots.Select(root => Path.GetFullPath(root, environment.ContentRootPath)).Distinct().ToList();

    /// <summary>The keys that sign session cookies; kept with the data so a restart keeps people signed in.</summary>
    public string KeysDirectory => Path.Combine(DataDirectory, "keys");

    public static TumorWebPaths From(IConfiguration configuration, IHostEnvironment environment) =>
        new(Microsoft.Extensions.Options.Options.Create(TumorWebOptions.From(configuration)), environment);

    /// <summary>
    /// Outputs of the web app's runs, named by the job that makes them: runs/extraction-7,
    /// runs/training-3, runs/evaluation-2 (job ids count all kinds; the run pages show each run's folder).
    /// </summary>
    public string RunDirectory(string kind, int id) => Path.Combine(DataDirectory, "runs", $"{kind}-{id}");
}
