namespace TumorWeb.Data.Entities;

/// <summary>A drawn region is tumour, or an exclusion cut out of the tumour regions.</summary>
public enum AnnotationKind { Tumor, Exclusion }
