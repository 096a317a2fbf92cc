namespace TumorWeb.Data.Entities;

/// <summary>A data root an admin added in the app, on top of those in the settings.</summary>
public class AddedDataRoot
{
    public int Id { get; set; }

    /// <summary>Absolute folder path with links resolved.</summary>
    public string Path { get; set; } = "";

    public string AddedBy { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
}
