namespace TumorWeb.Web.Features.Charts;

/// <summary>An axis: its title, an optional fixed range, and the decimals of its tick labels.</summary>
public sealed record ApexAxis(string Title, double? Min = null, double? Max = null, int Decimals = 2);
