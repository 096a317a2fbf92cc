using TumorWeb.Web.Features.Charts;

namespace TumorWeb.Web.Components.Charts;

/// <summary>What the browser needs to catch up with a chart's series: nothing, new points at the ends, or everything.</summary>
public sealed record SeriesChange(SeriesChangeKind Kind, IReadOnlyList<IReadOnlyList<ApexPoint>> Appended)
{
    public static SeriesChange None { get; } = new(SeriesChangeKind.None, []);
    public static SeriesChange Replace { get; } = new(SeriesChangeKind.Replace, []);

    /// <summary>
    /// Compares the series now with the shapes last sent. Only growth of every series at its end,
    /// with the last sent point unchanged, counts as an append; anything else is a replacement.
    /// </summary>
    public static SeriesChange Between(IReadOnlyList<SeriesShape> sent, IReadOnlyList<ApexSeries> now)
    {
        if (sent.Count != now.Count)
            return Replace;
        var appended = new IReadOnlyList<ApexPoint>[now.Count];
        var grew = false;
        for (var i = 0; i < now.Count; i++)
        {
            var (before, series) = (sent[i], now[i]);
            if (!before.SameLook(series) || series.Points.Count < before.Count || !before.EndsLike(series))
                return Replace;
            appended[i] = series.Points.Skip(before.Count).ToList();
            grew |= appended[i].Count > 0;
        }
        return grew ? new SeriesChange(SeriesChangeKind.Append, appended) : None;
    }
}

public enum SeriesChangeKind
{
    None,
    Append,
    Replace,
}

/// <summary>What the chart remembers of a series it sent: enough to tell growth from replacement.</summary>
public sealed record SeriesShape(string Name, string? Color, bool Dashed, bool Markers, int Count, ApexPoint? Last)
{
    public static SeriesShape Of(ApexSeries series) =>
        new(series.Name, series.Color, series.Dashed, series.Markers, series.Points.Count,
            series.Points.Count == 0 ? null : series.Points[^1]);

    public bool SameLook(ApexSeries series) =>
        (Name, Color, Dashed, Markers) == (series.Name, series.Color, series.Dashed, series.Markers);

    public bool EndsLike(ApexSeries series) => Count == 0 || series.Points[Count - 1] == Last;
}
