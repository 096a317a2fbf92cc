namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// What a QuPath classification name means for labelling. QuPath's built-in classes include
/// "Tumor" and "Ignore*"; other tools spell tumour and metastasis their own way.
/// </summary>
public static class QuPathClasses
{
    public const string Tumor = "Tumor";
    public const string Exclusion = "Exclusion";
    public const string Unclassified = "(unclassified)";

    public static AnnotationRole RoleOf(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Equals("Tumor", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("Tumour", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("Metastasis", StringComparison.OrdinalIgnoreCase))
            return AnnotationRole.Tumor;
        if (trimmed.Equals(Exclusion, StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("Ignore", StringComparison.OrdinalIgnoreCase))
            return AnnotationRole.Exclusion;
        return AnnotationRole.Ignored;
    }

    /// <summary>The display colour QuPath gives the class (its defaults: Tumor 200,0,0; Ignore* 180,180,180).</summary>
    public static int[] ColorOf(AnnotationRole role) => role == AnnotationRole.Tumor ? [200, 0, 0] : [180, 180, 180];
}
