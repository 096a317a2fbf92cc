using TumorWeb.Data.Entities;

namespace TumorWeb.Pipeline.Grid;

/// <summary>Why a slide has its role, in the words a dataset page shows: "86 tumour cells &lt; 100".</summary>
public static class SlideRoleReason
{
    public static string? Describe(SlideRole role, int tumorCells, int threshold, bool setByUser) => role switch
    {
        SlideRole.Unknown => null,
        _ when setByUser => "set by a user",
        SlideRole.Tumor when tumorCells >= threshold => $"{tumorCells} tumour cells ≥ {threshold}",
        SlideRole.Normal when tumorCells < threshold => $"{tumorCells} tumour cells < {threshold}",
        _ => $"{tumorCells} tumour cells; set before the threshold was {threshold}",
    };

    public static string? Describe(RegisteredSlide slide, int threshold) =>
        Describe(slide.Role, slide.TumorCells, threshold, slide.RoleSetByUser);
}
