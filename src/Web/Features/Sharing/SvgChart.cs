using System.Globalization;
using TumorWeb.Web.Features.Charts;

namespace TumorWeb.Web.Features.Sharing;

/// <summary>The value range an axis shows: the axis's fixed bounds where it has them, else the data's.</summary>
public readonly record struct AxisRange(double Min, double Max)
{
    public static AxisRange Of(ApexAxis axis, IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var min = axis.Min ?? (finite.Count == 0 ? 0 : finite.Min());
        var max = axis.Max ?? (finite.Count == 0 ? 1 : finite.Max());
        // A flat series (one point, or a constant loss) still gets a range to sit in.
        return max > min ? new AxisRange(min, max) : new AxisRange(min, min + 1);
    }

    /// <summary>0 at <see cref="Min"/>, 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);
}

/// <summary>The plot area inside the SVG, in SVG units (y grows downwards).</summary>
public readonly record struct SvgBox(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;

    public (double X, double Y) Place(ApexPoint point, AxisRange x, AxisRange y) =>
        (Left + x.Fraction(point.X) * Width, Bottom - y.Fraction(point.Y) * Height);
}

/// <summary>A line drawn as an SVG polyline: its points attribute and, for sparse series, a dot per point.</summary>
public sealed record SvgLine(string Name, string Color, bool Dashed, string Points, IReadOnlyList<(double X, double Y)> Markers);

/// <summary>A tick on an axis: where it sits along the axis (SVG units) and its label.</summary>
public sealed record SvgTick(double Position, string Label);

public sealed record SvgChartModel(
    int Width, int Height, SvgBox Plot, string? Title, string XTitle, string YTitle,
    IReadOnlyList<SvgTick> XTicks, IReadOnlyList<SvgTick> YTicks, IReadOnlyList<SvgLine> Lines);

/// <summary>
/// Line charts as server-rendered SVG, for pages without an interactive session (share links):
/// the same series and options the ApexCharts pages draw, mapped to SVG coordinates.
/// </summary>
public static class SvgChart
{
    public const int DefaultWidth = 480;

    /// <summary>More points than this are thinned: a curve of thousands of training steps would only bloat the page.</summary>
    public const int MaxPointsPerLine = 600;

    public const int TickCount = 5;
    private const double MarginLeft = 56, MarginRight = 16, MarginTop = 32, MarginBottom = 44;
    private static readonly string[] Palette = ["#1565c0", "#e65100", "#2e7d32", "#6a1b9a", "#9e9e9e"];

    public static SvgChartModel Layout(ApexChartOptions options, IReadOnlyList<ApexSeries> series, int width = DefaultWidth)
    {
        var plot = new SvgBox(MarginLeft, MarginTop, width - MarginLeft - MarginRight, options.Height - MarginTop - MarginBottom);
        var x = AxisRange.Of(options.XAxis, series.SelectMany(s => s.Points).Select(p => p.X));
        var y = AxisRange.Of(options.YAxis, series.SelectMany(s => s.Points).Select(p => p.Y));
        var lines = series.Select((s, i) => Line(s, s.Color ?? Palette[i % Palette.Length], x, y, plot)).ToList();
        return new SvgChartModel(width, options.Height, plot, options.Title, options.XAxis.Title, options.YAxis.Title,
            Ticks(x, options.XAxis.Decimals, plot.Left, plot.Width), Ticks(y, options.YAxis.Decimals, plot.Bottom, -plot.Height), lines);
    }

    /// <summary>The polyline "x,y x,y ..." of the points inside <paramref name="plot"/>; points that are not finite (a NaN loss) are left out.</summary>
    public static string Polyline(IEnumerable<ApexPoint> points, AxisRange x, AxisRange y, SvgBox plot) =>
        string.Join(' ', Finite(points).Select(p => plot.Place(p, x, y)).Select(p => $"{Number(p.X)},{Number(p.Y)}"));

    /// <summary>At most <paramref name="max"/> points, evenly spaced by index, always keeping the first and the last.</summary>
    public static IReadOnlyList<ApexPoint> Thin(IReadOnlyList<ApexPoint> points, int max)
    {
        if (points.Count <= max) return points;
        if (max < 2) throw new ArgumentOutOfRangeException(nameof(max), max, "a line needs at least 2 points");
        return Enumerable.Range(0, max).Select(i => points[(int)Math.Round(i * (points.Count - 1) / (double)(max - 1))]).ToList();
    }

    /// <summary><see cref="TickCount"/> evenly spaced ticks from the range's minimum to its maximum.</summary>
    public static IReadOnlyList<SvgTick> Ticks(AxisRange range, int decimals, double start, double length) =>
        Enumerable.Range(0, TickCount).Select(i =>
        {
            var fraction = i / (double)(TickCount - 1);
            var value = range.Min + fraction * (range.Max - range.Min);
            return new SvgTick(Math.Round(start + fraction * length, 1), value.ToString("F" + decimals, CultureInfo.InvariantCulture));
        }).ToList();

    private static SvgLine Line(ApexSeries series, string color, AxisRange x, AxisRange y, SvgBox plot)
    {
        var points = Thin(Finite(series.Points).ToList(), MaxPointsPerLine);
        var markers = series.Markers ? points.Select(p => plot.Place(p, x, y)).Select(p => (Math.Round(p.X, 1), Math.Round(p.Y, 1))).ToList() : [];
        return new SvgLine(series.Name, color, series.Dashed, Polyline(points, x, y, plot), markers);
    }

    private static IEnumerable<ApexPoint> Finite(IEnumerable<ApexPoint> points) => points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y));

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
