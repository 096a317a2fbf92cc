namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>What an ASAP <c>PartOfGroup</c> means for labelling.</summary>
public enum AnnotationRole { Ignored, Tumor, Exclusion }

/// <summary>
/// CAMELYON16 names its groups "Tumor" and "Exclusion"; CAMELYON17 uses "_0" and "_1" for
/// metastases and "_2" for regions cut out of them.
/// </summary>
public static class AnnotationGroups
{
    public static AnnotationRole RoleOf(string? group) => group?.Trim() switch
    {
        "Tumor" or "tumor" or "_0" or "_1" => AnnotationRole.Tumor,
        "Exclusion" or "exclusion" or "_2" => AnnotationRole.Exclusion,
        _ => AnnotationRole.Ignored,
    };
}
