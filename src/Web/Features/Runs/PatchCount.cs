using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Runs;

/// <summary>Patches of one run in one split and class.</summary>
public sealed record PatchCount(int ExtractionRunId, DataSplit Split, PatchLabel Label, int Count);
