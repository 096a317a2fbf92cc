using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Loading;
using TumorWeb.Pipeline.Training.Models;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class PatchClassifiersTests(TrainingExtractionFixture fixture)
{
    private static string? _checkpoint;

    private async Task<string> TrainedCheckpointAsync()
    {
        if (_checkpoint is not null) return _checkpoint;
        var report = await new TrainingRunner(fixture.Database.Factory, TimeProvider.System).RunAsync(new TrainingOptions
        {
            PatchesDirectory = fixture.PatchesDirectory, OutputDirectory = fixture.NewOutputDirectory(), BatchSize = 16, MaxStepsPerEpoch = 2, Seed = 5,
        }, null, default);
        return _checkpoint = report.Checkpoint!;
    }

    private async Task<List<TrainingPatch>> ValidationPatchesAsync() =>
        await new TrainingCatalog(fixture.Database.Factory, TimeProvider.System).PatchesAsync(fixture.ExtractionRunId, DataSplit.Validation, default);

    [Fact]
    public async Task ClassifierScoresAgreeWithTheTrainingForwardInEvalMode()
    {
        var checkpoint = await TrainedCheckpointAsync();
        var patches = await ValidationPatchesAsync();
        using var reader = new PatchPackReader(fixture.PatchesDirectory);
        var rgb = patches.SelectMany(p => reader.Read(p.Location).Pixels).ToArray();
        using var net = PatchNets.Create(ModelPreset.Tiny, 299);
        Checkpoints.Load(checkpoint, net);
        net.eval();
        var expected = new List<float>();
        var loader = new PatchBatchLoader(reader, 299, 2, 2);
        await foreach (var batch in loader.ReadAsync(patches, EpochPlan.Sequential(patches.Count, 7)))
        {
            using var _ = no_grad();
            using var x = PatchTensors.FromPlanes(batch.Planes, batch.Count, 299, TorchDevice.Pick());
            using var logits = net.call(x);
            expected.AddRange(logits.view(-1).sigmoid().data<float>().ToArray());
        }

        using var classifier = PatchClassifiers.Load(checkpoint, maxBatch: 5);
        var scores = classifier.Score(rgb, patches.Count);

        Assert.Equal(299, classifier.PatchSize);
        Assert.Equal($"tiny {Path.GetFileName(checkpoint)}", classifier.Name);
        // Sub-batches of 5 against batches of 7: libtorch may sum in another order, so not bit for bit.
        Assert.Equal(expected.Count, scores.Length);
        for (var i = 0; i < scores.Length; i++) Assert.Equal(expected[i], scores[i], 1e-5f);
        Assert.All(scores, s => Assert.InRange(s, 0f, 1f));
        Assert.True(scores.Distinct().Count() > 1);
    }

    [Fact]
    public async Task ScoringTheWrongNumberOfBytesNamesTheClassifier()
    {
        using var classifier = PatchClassifiers.Load(await TrainedCheckpointAsync());

        var error = Assert.Throws<ArgumentException>(() => classifier.Score(new byte[299 * 299 * 3], 2));
        Assert.StartsWith($"{classifier.Name}: 2 patches of 299x299 RGB need 536406 bytes, got 268203", error.Message);
    }
}
