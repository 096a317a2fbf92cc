using System.Text.Json;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// training.json in a run's folder: which run of which catalog it holds, so <c>train --resume DIR</c>
/// needs nothing else.
/// </summary>
public sealed record RunFolder(int RunId, string PatchesDirectory, string? CatalogPath, TrainingHyperparameters Hyperparameters)
{
    public const string FileName = "training.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        var path = Path.Combine(runDirectory, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static RunFolder Read(string runDirectory)
    {
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not found; is {runDirectory} a training run's folder?", path);
        try
        {
            return JsonSerializer.Deserialize<RunFolder>(File.ReadAllText(path), Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a training run description ({e.Message})", e);
        }
    }
}
