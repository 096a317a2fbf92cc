namespace TumorWeb.Data.Entities;

/// <summary>
/// A value every node of a cluster reads from the shared database, e.g. the data directory's marker
/// that a worker compares with the file it sees, to be sure it shares the web nodes' data directory.
/// </summary>
public class ClusterSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
