using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using GridRole = TumorWeb.Pipeline.Grid.SlideRole;
using SlideRole = TumorWeb.Data.Entities.SlideRole;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// What a scan learned of one slide. A slide that opens but whose grid fails keeps its metadata
/// (and thumbnail) and carries the error; one that does not open carries only the error.
/// </summary>
public sealed record SlideInspection(string? Vendor, long Width, long Height, int LevelCount, SlideGridStats? Grid, GridRole? GridRole, string? Error)
{
    public static SlideInspection Failed(string error) => new(null, 0, 0, 0, null, null, error);

    /// <summary>Copies the findings onto the row; a role already chosen (by the grid or a user) is kept.</summary>
    public void ApplyTo(RegisteredSlide slide)
    {
        slide.Vendor = Vendor;
        slide.Width = Width;
        slide.Height = Height;
        slide.LevelCount = LevelCount;
        slide.GridWidth = Grid?.GridWidth ?? 0;
        slide.GridHeight = Grid?.GridHeight ?? 0;
        slide.TissueCells = Grid?.TissueCells ?? 0;
        slide.TumorCells = Grid?.TumorCells ?? 0;
        slide.NormalCells = Grid?.NormalCells ?? 0;
        if (slide.Role == SlideRole.Unknown && GridRole is { } role)
            slide.Role = role == Pipeline.Grid.SlideRole.Tumor ? SlideRole.Tumor : SlideRole.Normal;
        slide.Error = Error;
    }
}
