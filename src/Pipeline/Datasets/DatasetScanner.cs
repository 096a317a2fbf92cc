namespace TumorWeb.Pipeline.Datasets;

/// <summary>
/// Finds the slides of a dataset folder, CAMELYON style: <c>name.tif</c> with its tumor mask
/// <c>name_mask.tif</c> or its annotations: ASAP <c>name.xml</c> or QuPath GeoJSON <c>name.geojson</c>
/// (the mask wins when there are both, since it is the exact ground truth; the XML wins over the GeoJSON).
/// </summary>
public static class DatasetScanner
{
    private static readonly string[] SlideExtensions = [".tif", ".tiff", ".svs", ".ndpi", ".mrxs", ".scn", ".vms", ".bif", ".svslide"];
    private const string MaskSuffix = "_mask";

    public static IReadOnlyList<DatasetSlide> Scan(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory}: dataset folder not found");
        var files = Directory.EnumerateFiles(directory).ToList();
        var slides = files
            .Where(f => SlideExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Where(f => !Path.GetFileNameWithoutExtension(f).EndsWith(MaskSuffix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => Describe(f, files))
            .ToList();
        if (slides.Count == 0) throw new InvalidDataException($"{directory}: no slides found (expected files such as name.tif with name_mask.tif, name.xml or name.geojson)");
        return slides;
    }

    private static DatasetSlide Describe(string slidePath, List<string> files)
    {
        var stem = Path.Combine(Path.GetDirectoryName(slidePath)!, Path.GetFileNameWithoutExtension(slidePath));
        var mask = files.FirstOrDefault(f => SlideExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())
            && string.Equals(Path.Combine(Path.GetDirectoryName(f)!, Path.GetFileNameWithoutExtension(f)), stem + MaskSuffix, StringComparison.Ordinal));
        var annotations = files.FirstOrDefault(f => string.Equals(f, stem + ".xml", StringComparison.Ordinal))
            ?? files.FirstOrDefault(f => string.Equals(f, stem + ".geojson", StringComparison.Ordinal));
        return new DatasetSlide(Path.GetFileNameWithoutExtension(slidePath), slidePath, mask, mask is null ? annotations : null);
    }
}
