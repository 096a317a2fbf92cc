namespace TumorWeb.Data.Entities;

/// <summary>One slide of a registered dataset: its files, what OpenSlide says of it, and its grid counts.</summary>
public class RegisteredSlide : IGridCounts
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }

    public string Name { get; set; } = "";
    public string SlidePath { get; set; } = "";
    public string? MaskPath { get; set; }
    public string? AnnotationPath { get; set; }

    /// <summary>The slide file's content identity (size and sampled bytes), recorded at registration.</summary>
    public string? ContentHash { get; set; }

    public string? Vendor { get; set; }
    public long Width { get; set; }
    public long Height { get; set; }
    public int LevelCount { get; set; }

    public int GridWidth { get; set; }
    public int GridHeight { get; set; }
    public int TissueCells { get; set; }
    public int TumorCells { get; set; }
    public int NormalCells { get; set; }

    /// <summary>Tumor or normal slide; set from the grid, editable by the user.</summary>
    public SlideRole Role { get; set; } = SlideRole.Unknown;

    /// <summary>A user chose the role; otherwise it follows the dataset's tumour-slide threshold.</summary>
    public bool RoleSetByUser { get; set; }

    /// <summary>
    /// Ground truth comes from the regions drawn in the app's viewer (<see cref="SlideAnnotation"/>),
    /// not from the mask or annotation file beside the slide.
    /// </summary>
    public bool UseAppAnnotations { get; set; }

    /// <summary>Why the slide (or its mask or annotations) could not be read, if it could not.</summary>
    public string? Error { get; set; }
}
