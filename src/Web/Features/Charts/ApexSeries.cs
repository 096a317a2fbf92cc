namespace TumorWeb.Web.Features.Charts;

/// <summary>
/// A named line. <see cref="Points"/> may be a list the page keeps appending to: the chart compares
/// counts with what it last drew and sends only the new points.
/// </summary>
public sealed record ApexSeries(string Name, IReadOnlyList<ApexPoint> Points)
{
    /// <summary>CSS colour; null takes the next colour of the chart's palette.</summary>
    public string? Color { get; init; }

    public bool Dashed { get; init; }

    /// <summary>Draws a dot at each point: for sparse series such as one validation point per epoch.</summary>
    public bool Markers { get; init; }
}
