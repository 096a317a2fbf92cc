using TorchSharp;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Models;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training.Models;

/// <summary>
/// No ImageNet weights can be downloaded here, so a freshly initialized torchvision network saved
/// in TorchSharp's format stands in for them: what matters is that they load by name and stay put.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class PretrainedWeightsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tumorweb-weights-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static nn.Module Torchvision(ModelPreset preset) => preset == ModelPreset.ResNet18Frozen
        ? torchvision.models.resnet18()
        : torchvision.models.inception_v3();

    private static Dictionary<string, Tensor> Copy(IEnumerable<(string, Tensor)> tensors) =>
        tensors.ToDictionary(t => t.Item1, t => t.Item2.detach().clone());

    [Theory]
    [InlineData(ModelPreset.InceptionV3Frozen)]
    [InlineData(ModelPreset.ResNet18Frozen)]
    public void FrozenBaseLoadsTheWeightsFileAndOnlyTheHeadLearns(ModelPreset preset)
    {
        manual_seed(5);
        var path = Path.Combine(_folder, "imagenet.dat");
        Dictionary<string, Tensor> imagenet;
        using (var source = Torchvision(preset))
        {
            source.save(path);
            imagenet = Copy(source.state_dict().Select(e => (e.Key, e.Value)));
        }
        manual_seed(6);
        using var net = PatchNets.Create(preset, 299, path);

        var baseState = net.Backbone.state_dict();
        foreach (var (name, value) in imagenet.Where(e => !e.Key.Contains("fc.")))
            Assert.True(value.equal(baseState["net." + name]).all().item<bool>(), name);
        Assert.All(net.Backbone.parameters(), p => Assert.False(p.requires_grad));
        Assert.All(net.Head.parameters(), p => Assert.True(p.requires_grad));

        var before = Copy(net.Backbone.state_dict().Select(e => (e.Key, e.Value)));
        var head = Copy(net.Head.named_parameters().Select(p => (p.name, (Tensor)p.parameter)));
        var hyper = TrainingHyperparameters.From(new TrainingOptions { PatchesDirectory = "/p", Preset = preset }, 299);
        using var optimizer = TrainingOptimizer.Create(net, hyper);
        net.train();
        Assert.False(net.Backbone.training);
        using (var scope = NewDisposeScope())
        {
            optimizer.zero_grad();
            BatchLoss.Mean(net.call(rand(2, 3, 299, 299)), tensor(new[] { 1f, 0f })).backward();
            optimizer.step();
        }

        foreach (var (name, value) in net.Backbone.state_dict())
            Assert.True(value.equal(before[name]).all().item<bool>(), name);
        Assert.Contains(net.Head.named_parameters(), p => !p.parameter.equal(head[p.name]).all().item<bool>());
    }

    [Fact]
    public void WeightsOfAnotherNetworkAreRefusedNamingTheFile()
    {
        var path = Path.Combine(_folder, "resnet.dat");
        using (var resnet = torchvision.models.resnet18()) resnet.save(path);

        var error = Assert.Throws<InvalidDataException>(() => PatchNets.Create(ModelPreset.InceptionV3Frozen, 299, path));
        Assert.StartsWith($"{path}: lacks ", error.Message);
        Assert.Contains("inception_v3", error.Message);
    }
}
