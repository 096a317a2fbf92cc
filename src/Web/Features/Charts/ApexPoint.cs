namespace TumorWeb.Web.Features.Charts;

/// <summary>One point of a line series; serialised as {x, y}, which ApexCharts reads directly.</summary>
public readonly record struct ApexPoint(double X, double Y);
