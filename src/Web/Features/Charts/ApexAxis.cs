namespace TumorWeb.Web.Features.Charts;

/// <summary>
/// An axis: its title, an optional fixed range, the decimals of its tick labels (very large and very
/// small values are written as 6e11), and whether it is logarithmic (a diverging loss spans decades).
/// </summary>
public sealed record ApexAxis(string Title, double? Min = null, double? Max = null, int Decimals = 2, bool Logarithmic = false);
