using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Models;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class CheckpointsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tumorweb-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TrainingHyperparameters Hyper() =>
        TrainingHyperparameters.From(new TrainingOptions { PatchesDirectory = "/p", Seed = 3, Epochs = 5 }, 299);

    [Fact]
    public void RoundTripGivesIdenticalPredictionsAndTheSameHeader()
    {
        manual_seed(1);
        using var saved = PatchNets.Create(ModelPreset.Tiny, 299);
        using var optimizer = TrainingOptimizer.Create(saved, Hyper());
        var position = new TrainingPosition(2, 1, 9, new MetricSums(3.5, 6, 8), new MetricSums(1.25, 2, 3));
        var header = new CheckpointHeader(CheckpointHeader.CurrentFormat, 12, Hyper(), position, new DateTimeOffset(2025, 11, 25, 12, 0, 0, TimeSpan.Zero), ["tumor_001", "tumor_003"]);
        var path = Path.Combine(_folder, "a.ckpt");
        Checkpoints.Save(path, header, saved, optimizer);
        manual_seed(2);
        using var loaded = PatchNets.Create(ModelPreset.Tiny, 299);
        using var patches = rand(4, 3, 299, 299);
        saved.eval();
        loaded.eval();
        using var _ = no_grad();
        using var expected = saved.call(patches);
        Assert.False(expected.equal(loaded.call(patches)).all().item<bool>());

        var read = Checkpoints.Load(path, loaded);

        Assert.True(expected.equal(loaded.call(patches)).all().item<bool>());
        Assert.Equal(header with { TrainingSlides = [] }, read with { TrainingSlides = [] });
        Assert.Equal(["tumor_001", "tumor_003"], read.TrainingSlides);
        Assert.True(Checkpoints.IsCheckpoint(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void ThePatchesPhysicalSizeTravelsInTheHeaderToTheLoadedModel()
    {
        using var net = PatchNets.Create(ModelPreset.Tiny, 299);
        using var optimizer = TrainingOptimizer.Create(net, Hyper());
        var path = Path.Combine(_folder, "microns.ckpt");
        Checkpoints.Save(path, new CheckpointHeader(1, 1, Hyper(), TrainingPosition.Start, DateTimeOffset.UnixEpoch, [], PatchMicrons: 149.5), net, optimizer);

        Assert.Equal(149.5, Checkpoints.ReadHeader(path).PatchMicrons);
        using var loaded = TumorWeb.Pipeline.Inference.ModelLoading.Load(path);
        Assert.Equal(149.5, loaded.PatchMicrons);
    }

    [Fact]
    public void AFileThatIsNoCheckpointIsNamed()
    {
        var path = Path.Combine(_folder, "notes.ckpt");
        File.WriteAllText(path, "just some text");

        var error = Assert.Throws<InvalidDataException>(() => Checkpoints.ReadHeader(path));
        Assert.StartsWith($"{path}: not a TumorWeb checkpoint", error.Message);
        Assert.False(Checkpoints.IsCheckpoint(path));
    }

    [Fact]
    public void ACheckpointOfAnotherModelDoesNotLoad()
    {
        using var tiny = PatchNets.Create(ModelPreset.Tiny, 299);
        using var optimizer = TrainingOptimizer.Create(tiny, Hyper());
        var path = Path.Combine(_folder, "tiny.ckpt");
        Checkpoints.Save(path, new CheckpointHeader(1, 1, Hyper(), TrainingPosition.Start, DateTimeOffset.UnixEpoch, []), tiny, optimizer);
        using var inception = PatchNets.Create(ModelPreset.InceptionV3, 299);

        var error = Assert.Throws<InvalidDataException>(() => Checkpoints.Load(path, inception));
        Assert.StartsWith($"{path}: checkpoint does not fit a tiny model", error.Message);
    }
}
