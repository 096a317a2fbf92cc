using System.Text.Json;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>A job's parameter record as stored in <see cref="Job.Parameters"/> (camelCase JSON).</summary>
public static class JobParametersJson
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Type TypeOf(JobKind kind) => kind switch
    {
        JobKind.Extraction => typeof(ExtractionJobParameters),
        JobKind.Training => typeof(TrainingJobParameters),
        JobKind.Evaluation => typeof(EvaluationJobParameters),
        JobKind.Mining => typeof(MiningJobParameters),
        _ => throw new ArgumentException($"unknown job kind {kind}"),
    };

    public static string Write(JobKind kind, object parameters) => JsonSerializer.Serialize(parameters, TypeOf(kind), Json);

    /// <exception cref="InvalidDataException">The row's JSON is not a <typeparamref name="T"/>; the message names the job.</exception>
    public static T Read<T>(Job job)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(job.Parameters, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"job {job.Id}: its parameters are not {typeof(T).Name} JSON ({e.Message})", e);
        }
    }
}
