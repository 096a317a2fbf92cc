using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>
/// The classification names of drawn regions, as QuPath writes them: "Tumor" (also "Tumour",
/// "Metastasis") and "Exclusion" (also any "Ignore*"), in any letter case.
/// </summary>
public static class AnnotationClasses
{
    public const string Tumor = "Tumor";
    public const string Exclusion = "Exclusion";

    public static AnnotationKind? KindOf(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "tumor" or "tumour" or "metastasis" => AnnotationKind.Tumor,
        "exclusion" => AnnotationKind.Exclusion,
        { } other when other.StartsWith("ignore", StringComparison.Ordinal) => AnnotationKind.Exclusion,
        _ => null,
    };

    public static string NameOf(AnnotationKind kind) => kind == AnnotationKind.Tumor ? Tumor : Exclusion;

    /// <summary>QuPath's classification colour, as [r, g, b].</summary>
    public static int[] ColourOf(AnnotationKind kind) => kind == AnnotationKind.Tumor ? [200, 0, 0] : [60, 60, 200];
}
