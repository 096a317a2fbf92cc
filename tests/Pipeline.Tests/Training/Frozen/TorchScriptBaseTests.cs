using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Frozen;
using TumorWeb.Pipeline.Training.Models;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training.Frozen;

/// <summary>
/// A user's TorchScript base (here tiny_features.pt, 8 features from one convolution, traced by
/// make_tiny_torchscript.py beside it; a traced InceptionV3 takes the same path with 2048):
/// loaded by torch.jit.load, its features cached once, the seed's head trained on them, and the
/// checkpoint scoring pixels through the same file.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class TorchScriptBaseTests(TrainingExtractionFixture fixture) : IDisposable
{
    private const int Dimension = 8;
    private readonly string _folder = Directory.CreateTempSubdirectory("tumorweb-torchscript-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Fixture([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "tiny_features.pt");

    private string CopyOfFixture()
    {
        var path = Path.Combine(_folder, "base.pt");
        File.Copy(Fixture(), path);
        return path;
    }

    private Task<TrainingReport> TrainAsync(string weights, SyncProgress? progress = null) => FrozenRuns.Runner(fixture).RunAsync(new TrainingOptions
    {
        PatchesDirectory = fixture.PatchesDirectory, OutputDirectory = fixture.NewOutputDirectory(), Preset = ModelPreset.InceptionV3Frozen,
        WeightsFile = weights, Epochs = 2, BatchSize = 16, LearningRate = 1e-3, Seed = 2,
    }, progress, default);

    [Fact]
    public void TracedModuleLoadsAndGivesOneFeatureRowPerPatch()
    {
        using var features = TorchScriptFeatures.Load(Fixture(), patchSize: 299, batchSize: 3);
        var rgb = new byte[5 * 299 * 299 * 3];
        new Random(1).NextBytes(rgb);

        var rows = new float[5 * features.Dimension];
        features.Extract(rgb, 5, 299, rows);
        var single = new float[features.Dimension];
        features.Extract(rgb.AsSpan(4 * 299 * 299 * 3), 1, 299, single);

        Assert.Equal(Dimension, features.Dimension);
        Assert.True(TorchScriptFeatures.IsTorchScript(Fixture()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Fixture()))), features.ModelHash);
        for (var j = 0; j < Dimension; j++) Assert.Equal(single[j], rows[4 * Dimension + j], 1e-5f);
        Assert.True(rows.Distinct().Count() > Dimension, "features vary between patches");
    }

    [Fact]
    public async Task HeadTrainsOnCachedFeaturesAndTheCheckpointScoresThroughTheSameFile()
    {
        var weights = CopyOfFixture();
        var progress = new SyncProgress();

        var report = await TrainAsync(weights, progress);

        Assert.Equal(RunStatus.Completed, report.Status);
        Assert.Equal([1, 2], report.Metrics.Select(m => m.Epoch));
        Assert.All(report.Metrics, m => Assert.NotNull(m.ValAuc));
        var header = Checkpoints.ReadHeader(report.Checkpoint!);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(weights)));
        Assert.Equal(hash, header.BaseModelHash);
        Assert.Equal(FrozenBaseKind.TorchScript, FrozenBases.KindOf(header.Hyperparameters, header));
        var cache = Path.Combine(fixture.PatchesDirectory, "features", $"torchscript-{hash[..12]}.f32");
        var patchCount = fixture.TrainIds.Count + fixture.ValidationIds.Count;
        Assert.Equal(patchCount * Dimension * 4L, new FileInfo(cache).Length);
        Assert.Contains(FrozenRuns.Notes(progress), n => n.EndsWith($"patches once, into {cache}") || n.StartsWith("reused the cached features"));

        var patches = await FrozenRuns.ValidationPatchesAsync(fixture);
        using var classifier = PatchClassifiers.Load(report.Checkpoint!, maxBatch: 5);
        var scores = classifier.Score(FrozenRuns.Pixels(fixture, patches), patches.Count);

        using var features = TorchScriptFeatures.Load(weights, 299);
        using var head = new SeedHead(Dimension);
        Checkpoints.Load(report.Checkpoint!, head);
        head.eval();
        var rgb = FrozenRuns.Pixels(fixture, patches);
        var rows = new float[patches.Count * Dimension];
        features.Extract(rgb, patches.Count, 299, rows);
        using (no_grad())
        using (var x = tensor(rows, [patches.Count, Dimension]))
        using (var expected = head.call(x).view(-1).sigmoid())
        {
            var want = expected.data<float>().ToArray();
            for (var i = 0; i < scores.Length; i++) Assert.Equal(want[i], scores[i], 1e-5f);
        }
        Assert.True(scores.Distinct().Count() > 1);
    }

    [Fact]
    public async Task CheckpointRefusesABaseFileThatChanged()
    {
        var weights = CopyOfFixture();
        var report = await TrainAsync(weights);
        // Another TorchScript file at the same path: a head only fits the features it learnt from.
        File.Copy(Path.Combine(Path.GetDirectoryName(Fixture())!, "tiny_features_other.pt"), weights, overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => PatchClassifiers.Load(report.Checkpoint!));

        Assert.StartsWith($"{report.Checkpoint}: its head was trained on the features of another inception-v3-frozen base", error.Message);
    }
}
