using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Inference.Regions;

/// <summary>Writes predicted regions for QuPath (GeoJSON) and ASAP (XML).</summary>
public static class RegionFiles
{
    public static void WriteGeoJson(string path, IEnumerable<PredictedRegion> regions) =>
        GeoJsonAnnotationWriter.Write(path, regions.Select(r => r.ToFeature()));

    public static void WriteAsapXml(string path, IEnumerable<PredictedRegion> regions) =>
        AsapXmlAnnotationWriter.Write(path, regions.Select(r => r.ToFeature()));
}
