using System.Text.Json;
using System.Text.Json.Serialization;

namespace TumorWeb.Pipeline.Inference.Baseline;

/// <summary>
/// The baseline's model file, a small JSON object:
/// <c>{ "kind": "darkness-baseline", "patchSize": 299, "threshold": 0.02 }</c>, optionally with
/// <c>"steepness"</c> and <c>"darkLevel"</c> (defaults 200 and 140).
/// </summary>
public static class DarknessModelFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // The file is a few dozen bytes; anything large is some other model (a checkpoint) and is not read.
    private const long MaxFileBytes = 64 * 1024;

    /// <summary>Whether <paramref name="path"/> is a small JSON object whose "kind" is darkness-baseline.</summary>
    public static bool IsDarknessModel(string path)
    {
        if (new FileInfo(path).Length > MaxFileBytes) return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("kind", out var kind)
                   && kind.ValueKind == JsonValueKind.String && kind.GetString() == DarknessModel.Kind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <exception cref="InvalidDataException">The file is not a valid baseline model; the message names the file.</exception>
    public static DarknessModel Read(string path)
    {
        Stored stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path), Json) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a {DarknessModel.Kind} model file: {e.Message}", e);
        }
        if (stored.Kind != DarknessModel.Kind)
            throw new InvalidDataException($"{path}: kind is \"{stored.Kind}\", not \"{DarknessModel.Kind}\"");
        var model = new DarknessModel(stored.PatchSize, stored.Threshold, stored.Steepness ?? DarknessModel.DefaultSteepness,
            stored.DarkLevel ?? DarknessModel.DefaultDarkLevel);
        try
        {
            model.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        return model;
    }

    public static void Write(DarknessModel model, string path)
    {
        model.Validate();
        var stored = new Stored(DarknessModel.Kind, model.PatchSize, model.Threshold, model.Steepness, model.DarkLevel);
        File.WriteAllText(path, JsonSerializer.Serialize(stored, Json) + "\n");
    }

    private sealed record Stored(
        [property: JsonRequired] string Kind,
        [property: JsonRequired] int PatchSize,
        [property: JsonRequired] double Threshold,
        double? Steepness,
        int? DarkLevel);
}
