namespace TumorWeb.Data.Entities;

/// <summary>One slide of an extraction run: its files, grid counts, role, split and progress.</summary>
public class RunSlide : IGridCounts
{
    public int Id { get; set; }
    public int ExtractionRunId { get; set; }
    public ExtractionRun? ExtractionRun { get; set; }

    public string Name { get; set; } = "";
    public string SlidePath { get; set; } = "";
    public string? MaskPath { get; set; }
    public string? AnnotationPath { get; set; }

    /// <summary>The slide file's content identity (size and sampled bytes), so a renamed copy is still the same slide.</summary>
    public string? ContentHash { get; set; }

    /// <summary>
    /// Hash of the app's drawn annotations the run took as ground truth (null when it used the files),
    /// so a later edit of the slide's annotations is seen, never silently taken.
    /// </summary>
    public string? AnnotationsHash { get; set; }

    /// <summary>Level-0 size in pixels.</summary>
    public long Width { get; set; }
    public long Height { get; set; }

    /// <summary>Size of the analysis grid in cells.</summary>
    public int GridWidth { get; set; }
    public int GridHeight { get; set; }

    public int TissueCells { get; set; }
    public int TumorCells { get; set; }
    public int NormalCells { get; set; }

    public SlideRole Role { get; set; } = SlideRole.Unknown;
    public DataSplit Split { get; set; } = DataSplit.Train;
    public int TumorExtracted { get; set; }
    public int NormalExtracted { get; set; }
    public SlideStatus Status { get; set; } = SlideStatus.Pending;
    public string? Error { get; set; }
}
