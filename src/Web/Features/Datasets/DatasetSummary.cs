namespace TumorWeb.Web.Features.Datasets;

/// <summary>One line of the datasets list.</summary>
public sealed record DatasetSummary(int Id, string Name, string Folder, DateTimeOffset CreatedAt, int Slides, int TumorSlides,
    int NormalSlides, int Errors, int Pending, string? Error);
