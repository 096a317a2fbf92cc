using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// What a scan learned of one slide. A slide that opens but whose grid fails keeps its metadata
/// (and thumbnail) and carries the error; one that does not open carries only the error.
/// </summary>
public sealed record SlideInspection(string? Vendor, long Width, long Height, int LevelCount, SlideGridStats? Grid, SlideRole? GridRole, string? Error,
    string? ContentHash = null)
{
    public static SlideInspection Failed(string error) => new(null, 0, 0, 0, null, null, error);

    /// <summary>Copies the findings onto the row; a role already chosen (by the grid or a user) is kept.</summary>
    public void ApplyTo(RegisteredSlide slide)
    {
        slide.Vendor = Vendor;
        slide.Width = Width;
        slide.Height = Height;
        slide.LevelCount = LevelCount;
        SlideGridStats.CopyTo(Grid, slide);
        if (slide.Role == SlideRole.Unknown && GridRole is { } role) slide.Role = role;
        slide.Error = Error;
        slide.ContentHash = ContentHash ?? slide.ContentHash;
    }
}
