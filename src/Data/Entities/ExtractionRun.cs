namespace TumorWeb.Data.Entities;

/// <summary>One patch extraction over a data set of slides, with the settings it ran with.</summary>
public class ExtractionRun
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string DatasetPath { get; set; } = "";

    /// <summary>The registered dataset it ran on, when started from the web app.</summary>
    public int? DatasetId { get; set; }
    public string OutputDirectory { get; set; } = "";
    public int Seed { get; set; }

    /// <summary>Side of one grid cell in level-0 pixels.</summary>
    public int CellSize { get; set; }

    /// <summary>Side of an extracted patch in level-0 pixels, centred on its cell.</summary>
    public int PatchSize { get; set; }

    /// <summary>Cell edge in microns when the run was cut by physical size (each slide's cell is round(CellMicrons / mpp) pixels).</summary>
    public double? CellMicrons { get; set; }

    /// <summary>Context patch edge in microns, resampled to PatchSize pixels; null when patches are PatchSize level-0 pixels.</summary>
    public double? PatchMicrons { get; set; }

    /// <summary>Microns per pixel the user gave for slides that do not say (overriding what they say).</summary>
    public double? Mpp { get; set; }

    /// <summary>Share of a tumor slide's tumor cells that become tumor patches.</summary>
    public double TumorFraction { get; set; }

    /// <summary>Normal patches taken from a tumor slide per tumor patch taken from it.</summary>
    public double NormalPerTumor { get; set; }

    /// <summary>A slide with at least this many tumor cells is a tumor slide.</summary>
    public int TumorSlideThreshold { get; set; }

    /// <summary>Shares of slides held out for validation and for testing.</summary>
    public double ValidationFraction { get; set; }
    public double TestFraction { get; set; }

    public RunStatus Status { get; set; } = RunStatus.Queued;
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public List<RunSlide> Slides { get; set; } = [];
}
