namespace TumorWeb.Data.Entities;

/// <summary>A folder of slides (with their masks or annotations) registered in the web app.</summary>
public class Dataset
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Absolute folder path; always inside one of the configured data roots.</summary>
    public string Folder { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Slides with at least this many tumour cells get the tumour role at registration, unless a user set one.</summary>
    public int TumorSlideThreshold { get; set; } = 100;

    /// <summary>Why the folder could not be scanned, if it could not.</summary>
    public string? Error { get; set; }

    public List<RegisteredSlide> Slides { get; set; } = [];
}
