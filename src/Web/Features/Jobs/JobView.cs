using System.Text.Json;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs.Queue;

namespace TumorWeb.Web.Features.Jobs;

/// <summary>What /api/jobs returns for a job (camelCase, enums by name), copied from its row.</summary>
public sealed record JobView(int Id, JobKind Kind, string Title, RunStatus Status, double Progress, string? Message, string? Error,
    string? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    int? DatasetId, int? RunId, JsonElement Parameters)
{
    public static JobView From(Job j) => new(j.Id, j.Kind, j.Title, j.Status, j.Progress, j.Message, j.Error, j.CreatedBy, j.CreatedAt,
        j.StartedAt, j.CompletedAt, j.DatasetId, JobRuns.RunIdOf(j), JsonDocument.Parse(j.Parameters).RootElement.Clone());
}
