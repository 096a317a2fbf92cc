using System.Globalization;
using System.Text.Json;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Runs;

/// <summary>A training run reduced to what the compare page shows: settings, final and best validation numbers.</summary>
public sealed record RunSummary(
    int RunId,
    string Preset,
    RunStatus Status,
    IReadOnlyDictionary<string, string> Hyperparameters,
    int Epochs,
    ValidationNumbers? Final,
    ValidationNumbers? Best);

/// <summary>Validation loss, accuracy and AUC; for "best", each is the best over epochs on its own.</summary>
public sealed record ValidationNumbers(double Loss, double Accuracy, double? Auc);

public static class RunComparison
{
    /// <summary>The settings a reader compares first, in the hyperparameters JSON's camelCase names.</summary>
    public static IReadOnlyList<string> ShownSettings { get; } =
        ["epochs", "batchSize", "learningRate", "weightDecay", "augment", "seed", "maxStepsPerEpoch", "colorAugment", "stainNormalize", "stainReference"];

    public static RunSummary Summarize(TrainingRun run, IEnumerable<TrainingMetric> metrics)
    {
        var validation = metrics.Where(m => m.Phase == TrainingPhase.Validation).OrderBy(m => m.Epoch).ThenBy(m => m.Step).ToList();
        var final = validation.Count == 0 ? null : new ValidationNumbers(validation[^1].Loss, validation[^1].Accuracy, validation[^1].Auc);
        var best = validation.Count == 0 ? null : new ValidationNumbers(
            validation.Min(m => m.Loss), validation.Max(m => m.Accuracy), validation.Max(m => m.Auc));
        return new RunSummary(run.Id, run.Preset, run.Status, Settings(run.Hyperparameters),
            validation.Select(m => m.Epoch).DefaultIfEmpty(0).Max(), final, best);
    }

    /// <summary>The top-level values of the run's hyperparameters JSON as text; empty when it is not a JSON object.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new Dictionary<string, string>();
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value));
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "—",
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.GetDouble().ToString("G6", CultureInfo.InvariantCulture),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => value.GetRawText(),
    };
}
