using System.Globalization;
using System.Text;

namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// One row per grid cell in row order: <c>x,y,tissue,label,score</c>. tissue and label are 0 or 1
/// (label is the ground-truth tumor flag, left empty when the slide had no mask or annotations);
/// score is the probability written so that it reads back as the same float. Invariant culture.
/// </summary>
public static class CellCsv
{
    public const string Header = "x,y,tissue,label,score";

    public static void Write(string path, HeatmapCells cells)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(Header);
        for (var y = 0; y < cells.Height; y++)
        for (var x = 0; x < cells.Width; x++)
        {
            var i = y * cells.Width + x;
            var label = cells.Tumor is null ? "" : cells.Tumor[i] ? "1" : "0";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{x},{y},{(cells.Tissue[i] ? 1 : 0)},{label},{cells.Probabilities[i]}"));
        }
    }

    /// <summary>Reads the rows of a <paramref name="width"/> x <paramref name="height"/> grid.</summary>
    /// <exception cref="InvalidDataException">A missing, extra or malformed row; the message names the file and line.</exception>
    public static HeatmapCells Read(string path, int width, int height)
    {
        var count = checked(width * height);
        var (tissue, tumor, scores) = (new bool[count], new bool[count], new float[count]);
        var labelled = (bool?)null;
        using var reader = new StreamReader(path);
        if (reader.ReadLine() != Header) throw Problem(path, 1, $"the first line must be \"{Header}\"");
        for (var i = 0; i < count; i++)
        {
            var lineNumber = i + 2;
            var fields = (reader.ReadLine() ?? throw Problem(path, lineNumber, $"the file ends after {i} of {count} cells")).Split(',');
            if (fields.Length != 5) throw Problem(path, lineNumber, $"expected 5 fields, got {fields.Length}");
            var (x, y) = (i % width, i / width);
            if (fields[0] != x.ToString(CultureInfo.InvariantCulture) || fields[1] != y.ToString(CultureInfo.InvariantCulture))
                throw Problem(path, lineNumber, $"expected cell {x},{y}, got {fields[0]},{fields[1]}");
            tissue[i] = Flag(path, lineNumber, "tissue", fields[2]);
            if ((labelled ??= fields[3].Length > 0) != fields[3].Length > 0)
                throw Problem(path, lineNumber, "some cells have a label and some do not");
            tumor[i] = labelled.Value && Flag(path, lineNumber, "label", fields[3]);
            if (!float.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out scores[i]))
                throw Problem(path, lineNumber, $"score \"{fields[4]}\" is not a number");
        }
        if (reader.ReadLine() is { Length: > 0 }) throw Problem(path, count + 2, $"more rows than the {width} x {height} grid has");
        return new HeatmapCells(width, height, tissue, labelled == true ? tumor : null, scores);
    }

    private static bool Flag(string path, int line, string name, string field) => field switch
    {
        "0" => false,
        "1" => true,
        _ => throw Problem(path, line, $"{name} must be 0 or 1, not \"{field}\""),
    };

    private static InvalidDataException Problem(string path, int line, string reason) => new($"{path}:{line}: {reason}");
}
