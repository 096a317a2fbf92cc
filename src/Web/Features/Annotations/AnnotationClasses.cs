using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>
/// The classification names of drawn regions, read and written as QuPath's (see <see cref="QuPathClasses"/>):
/// "Tumor" (also "Tumour", "Metastasis") and "Exclusion" (also any "Ignore*"), in any letter case.
/// </summary>
public static class AnnotationClasses
{
    public const string Tumor = QuPathClasses.Tumor;
    public const string Exclusion = QuPathClasses.Exclusion;

    public static AnnotationKind? KindOf(string? name) => QuPathClasses.RoleOf(name) switch
    {
        AnnotationRole.Tumor => AnnotationKind.Tumor,
        AnnotationRole.Exclusion => AnnotationKind.Exclusion,
        _ => null,
    };

    public static AnnotationRole RoleOf(AnnotationKind kind) => kind == AnnotationKind.Tumor ? AnnotationRole.Tumor : AnnotationRole.Exclusion;
}
