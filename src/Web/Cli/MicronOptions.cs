using System.CommandLine;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>--cell-microns M</c>, <c>--patch-microns P</c> and <c>--mpp X</c>: sizes in microns instead of
/// level-0 pixels, so slides scanned at different magnifications are cut alike.
/// </summary>
public sealed class MicronOptions
{
    private readonly Option<double?> _cellMicrons = new("--cell-microns") { Description = "Cell edge in microns instead of --cell-size pixels: round(M / mpp) level-0 pixels per slide." };
    private readonly Option<double?> _patchMicrons = new("--patch-microns") { Description = "Context patch edge in microns: read from the best pyramid level and resampled to the model's patch size." };
    private readonly Option<double?> _mpp = new("--mpp") { Description = "Microns per level-0 pixel, for slides that do not say (overrides what the slide says)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_cellMicrons);
        command.Options.Add(_patchMicrons);
        command.Options.Add(_mpp);
    }

    public double? CellMicrons(ParseResult parse) => parse.GetValue(_cellMicrons);
    public double? PatchMicrons(ParseResult parse) => parse.GetValue(_patchMicrons);
    public double? Mpp(ParseResult parse) => parse.GetValue(_mpp);

    /// <summary>Why the values cannot work, or null.</summary>
    public string? Problem(ParseResult parse) =>
        NotPositive("--cell-microns", CellMicrons(parse)) ?? NotPositive("--patch-microns", PatchMicrons(parse)) ?? NotPositive("--mpp", Mpp(parse));

    private static string? NotPositive(string name, double? value) =>
        value is { } v && !(v > 0 && double.IsFinite(v)) ? $"{name} must be a positive number of microns, not {v}" : null;
}
