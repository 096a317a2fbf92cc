using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>A slide row of the dataset page: the registered slide and its split in the dataset's latest extraction.</summary>
public sealed record DatasetSlideView(RegisteredSlide Slide, DataSplit? Split)
{
    /// <summary>Classes of the slide's GeoJSON annotations that are neither tumour nor exclusion.</summary>
    public IReadOnlyList<Pipeline.Grid.Annotations.IgnoredClass> IgnoredClasses { get; init; } = [];

    /// <summary>Not read yet: neither metadata nor an error stored.</summary>
    public bool Pending => Slide.Vendor is null && Slide.Error is null;

    public string GroundTruth => Annotations.GroundTruthSources.Describe(Slide);
}

/// <summary>The dataset page: the dataset, its slides, and which extraction the splits come from.</summary>
public sealed record DatasetDetail(Dataset Dataset, IReadOnlyList<DatasetSlideView> Slides, int? ExtractionRunId);
