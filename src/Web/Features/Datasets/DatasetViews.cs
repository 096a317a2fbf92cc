using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>What /api/datasets returns (camelCase, enums by name). Rows are copied into these so no entity graph leaks out.</summary>
public sealed record DatasetView(int Id, string Name, string Folder, DateTimeOffset CreatedAt, string? Error, int SlideCount);

public sealed record DatasetDetailView(int Id, string Name, string Folder, DateTimeOffset CreatedAt, string? Error, IReadOnlyList<SlideView> Slides,
    int TumorSlideThreshold);

public sealed record SlideView(int Id, string Name, string? Vendor, long Width, long Height, int LevelCount, bool HasMask, bool HasAnnotations,
    int GridWidth, int GridHeight, int TissueCells, int TumorCells, int NormalCells, SlideRole Role, string? RoleReason, string? Error,
    string GroundTruth)
{
    public static SlideView From(RegisteredSlide s, int threshold) => new(s.Id, s.Name, s.Vendor, s.Width, s.Height, s.LevelCount, s.MaskPath is not null,
        s.AnnotationPath is not null, s.GridWidth, s.GridHeight, s.TissueCells, s.TumorCells, s.NormalCells, s.Role,
        Pipeline.Grid.SlideRoleReason.Describe(s, threshold), s.Error,
        Annotations.GroundTruthSources.Describe(s));
}
