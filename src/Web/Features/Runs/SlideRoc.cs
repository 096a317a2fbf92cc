using TumorWeb.Web.Features.Charts;

namespace TumorWeb.Web.Features.Runs;

/// <summary>A slide's ROC curves for the chart (all cells, the seed's, and tissue cells only), or why there are none.</summary>
public sealed record SlideRoc(IReadOnlyList<ApexPoint> AllCells, IReadOnlyList<ApexPoint> TissueCells, string? Problem)
{
    public static SlideRoc Failed(string problem) => new([], [], problem);
}
