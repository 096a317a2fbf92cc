namespace TumorWeb.Web.Features.Charts;

/// <summary>What a line chart looks like apart from its data; a change redraws the chart's frame, not its data.</summary>
public sealed record ApexChartOptions(ApexAxis XAxis, ApexAxis YAxis)
{
    public string? Title { get; init; }
    public int Height { get; init; } = 300;

    /// <summary>A square plot, for ROC curves.</summary>
    public static ApexChartOptions Roc(string? title = null) =>
        new(new ApexAxis("False positive rate", 0, 1), new ApexAxis("True positive rate", 0, 1)) { Title = title, Height = 320 };
}
