using System.Text.Json;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Writes evaluation.json (camelCase, indented; undefined numbers are null).</summary>
public static class EvaluationReportFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(EvaluationReport report, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, Json) + "\n");
}
