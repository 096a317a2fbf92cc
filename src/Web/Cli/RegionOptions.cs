using System.CommandLine;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Regions;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Cli;

/// <summary><c>--geojson PATH</c>, <c>--asap-xml PATH</c> and <c>--threshold T</c> of <c>heatmap</c>: the predicted tumour regions as files.</summary>
public sealed class RegionOptions
{
    private readonly Option<string?> _geoJson = new("--geojson") { Description = "Write the predicted tumour regions here as QuPath GeoJSON (level-0 pixels)." };
    private readonly Option<string?> _asapXml = new("--asap-xml") { Description = "Write the predicted tumour regions here as ASAP annotation XML." };
    private readonly Option<double> _threshold = new("--threshold")
    {
        Description = "Cells with at least this probability form the exported regions.",
        DefaultValueFactory = _ => PredictedRegions.DefaultThreshold,
    };

    /// <summary>Where the regions went (null for a format not asked for), at which threshold, and how many.</summary>
    public sealed record Written(string? GeoJson, string? AsapXml, double Threshold, int Count);

    public static RegionOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(_geoJson);
        command.Options.Add(_asapXml);
        command.Options.Add(_threshold);
    }

    public string? Problem(ParseResult parse) =>
        parse.GetValue(_threshold) is var t && t > 0 && t <= 1 ? null : $"--threshold must be above 0 and at most 1, not {parse.GetValue(_threshold)}";

    /// <summary>Null when neither file was asked for.</summary>
    public Written? Write(ParseResult parse, SlideHeatmap heatmap, double? userMpp = null)
    {
        var (geoJson, asapXml, threshold) = (parse.GetValue(_geoJson), parse.GetValue(_asapXml), parse.GetValue(_threshold));
        if (geoJson is null && asapXml is null) return null;
        MicronsPerPixel? mpp;
        using (var slide = OpenSlideSlide.Open(heatmap.Grid.SlidePath)) mpp = SlideResolution.Of(slide.Metadata, userMpp);
        var regions = PredictedRegions.Of(heatmap, threshold, mpp);
        if (geoJson is not null) RegionFiles.WriteGeoJson(Path.GetFullPath(geoJson), regions);
        if (asapXml is not null) RegionFiles.WriteAsapXml(Path.GetFullPath(asapXml), regions);
        return new Written(geoJson is null ? null : Path.GetFullPath(geoJson), asapXml is null ? null : Path.GetFullPath(asapXml), threshold, regions.Count);
    }
}
