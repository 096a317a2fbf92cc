using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Loading;

namespace TumorWeb.Pipeline.Tests.Training.Frozen;

/// <summary>Shared steps of the frozen-base tests: runs, the notes they leave, validation patches and their pixels.</summary>
internal static class FrozenRuns
{
    public static TrainingRunner Runner(TrainingExtractionFixture fixture) => new(fixture.Database.Factory, TimeProvider.System);

    public static IEnumerable<string> Notes(SyncProgress progress) =>
        progress.Reports.Where(p => p.Event == TrainingEvent.Note && p.Message is not null).Select(p => p.Message!);

    public static async Task<List<TrainingPatch>> ValidationPatchesAsync(TrainingExtractionFixture fixture) =>
        await new TrainingCatalog(fixture.Database.Factory, TimeProvider.System).PatchesAsync(fixture.ExtractionRunId, DataSplit.Validation, default);

    public static byte[] Pixels(TrainingExtractionFixture fixture, IEnumerable<TrainingPatch> patches)
    {
        using var reader = new PatchPackReader(fixture.PatchesDirectory);
        return patches.SelectMany(p => reader.Read(p.Location).Pixels).ToArray();
    }
}
