using System.Text.Json;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// The draw of one extraction run, saved in its folder (sampling-plan.json) by the plan stage, so the
/// per-slide stages, in this process or on other machines, extract exactly the cells it drew.
/// </summary>
public static class SamplingPlanFile
{
    public const string FileName = "sampling-plan.json";

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The run's slides to extract, by name, in name order, with their cells.</summary>
    public sealed record Content(int RunId, IReadOnlyDictionary<string, IReadOnlyList<PlannedCell>> Slides);

    public sealed record PlannedCell(int X, int Y, PatchLabel Label, DataSplit Split);

    public static string PathIn(string outputDirectory) => Path.Combine(outputDirectory, FileName);

    /// <summary>Written to a temporary name and moved into place, so a reader never sees half a plan.</summary>
    public static void Write(string outputDirectory, int runId, IReadOnlyDictionary<string, IReadOnlyList<SampledCell>> cells)
    {
        var content = new Content(runId, cells.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key,
            p => (IReadOnlyList<PlannedCell>)p.Value.Select(c => new PlannedCell(c.X, c.Y, c.Label, c.Split)).ToList(), StringComparer.Ordinal));
        var path = PathIn(outputDirectory);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(content, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="InvalidOperationException">The run has no plan yet, or the file is not one.</exception>
    public static Content Read(string outputDirectory)
    {
        var path = PathIn(outputDirectory);
        if (!File.Exists(path)) throw new InvalidOperationException($"{path}: the run has no sampling plan yet; its plan stage must run first");
        try
        {
            return JsonSerializer.Deserialize<Content>(File.ReadAllBytes(path), Json) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path}: not a sampling plan: {e.Message}", e);
        }
    }

    public static IReadOnlyList<SampledCell> CellsOf(Content plan, string slide) =>
        plan.Slides.TryGetValue(slide, out var cells)
            ? cells.Select(c => new SampledCell(slide, c.X, c.Y, c.Label, c.Split)).ToList()
            : throw new InvalidOperationException($"the sampling plan of run {plan.RunId} has no slide {slide}");
}
