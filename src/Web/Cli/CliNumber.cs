using System.Globalization;

namespace TumorWeb.Web.Cli;

internal static class CliNumber
{
    /// <summary>Three decimals, or "n/a" for an undefined measure (an AUC without tumor cells).</summary>
    public static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
