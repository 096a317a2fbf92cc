using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Components.Pages.Extractions;

/// <summary>The extraction form's fields, starting at <see cref="ExtractionJobParameters"/>' defaults.</summary>
public sealed class ExtractionFormModel
{
    private static readonly ExtractionJobParameters Defaults = new(0);

    public int? DatasetId { get; set; }
    public int Seed { get; set; } = Defaults.Seed;
    public double TumorFraction { get; set; } = Defaults.TumorFraction;
    public double NormalPerTumor { get; set; } = Defaults.NormalPerTumor;
    public int TumorSlideThreshold { get; set; } = Defaults.TumorSlideThreshold;
    public int CellSize { get; set; } = Defaults.CellSize;
    public int PatchSize { get; set; } = Defaults.PatchSize;
    public double ValidationFraction { get; set; } = Defaults.ValidationFraction;
    public double TestFraction { get; set; } = Defaults.TestFraction;

    /// <summary>Empty: sizes in pixels; set: each slide's cell and patch in microns at its resolution.</summary>
    public double? CellMicrons { get; set; }
    public double? PatchMicrons { get; set; }

    /// <summary>Empty: each slide's own resolution; set: microns per level-0 pixel for every slide (for slides that do not say, or say wrong).</summary>
    public double? Mpp { get; set; }

    public ExtractionJobParameters ToParameters() =>
        new(DatasetId ?? throw new ArgumentException("choose a dataset"), Seed, TumorFraction, NormalPerTumor, TumorSlideThreshold, CellSize, PatchSize,
            ValidationFraction, TestFraction, CellMicrons, PatchMicrons, Mpp);
}
