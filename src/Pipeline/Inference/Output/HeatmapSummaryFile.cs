using System.Text.Json;

namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>Reads and writes heatmap.json.</summary>
public static class HeatmapSummaryFile
{
    public const string FileName = "heatmap.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(HeatmapSummary summary, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(summary, Json) + "\n");

    /// <exception cref="InvalidDataException">Not a heatmap summary; the message names the file.</exception>
    public static HeatmapSummary Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<HeatmapSummary>(File.ReadAllText(path), Json)
                   ?? throw new InvalidDataException($"{path}: the file holds null, not a heatmap summary");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a heatmap summary: {e.Message}", e);
        }
    }
}
