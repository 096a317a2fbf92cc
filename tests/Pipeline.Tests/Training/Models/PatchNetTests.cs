using TorchSharp.Modules;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Models;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training.Models;

[Collection(TrainingCollection.Name)]
public sealed class PatchNetTests
{
    private static long[] Shape(nn.Module module, string name) => module.named_parameters().Single(p => p.name == name).parameter.shape;

    [Fact]
    public void SeedHeadIsDense128ThenDropoutThenOneLogit()
    {
        using var head = new SeedHead(1152);

        Assert.Equal([128L, 1152L], Shape(head, "hidden.weight"));
        Assert.Equal([128L], Shape(head, "hidden.bias"));
        Assert.Equal([1L, 128L], Shape(head, "output.weight"));
        Assert.Equal([1L], Shape(head, "output.bias"));
        var dropout = Assert.Single(head.modules().OfType<Dropout>());
        head.eval();
        using var features = ones(4, 32, 6, 6);
        using var logits = head.call(features);
        Assert.Equal([4L, 1L], logits.shape);
        Assert.NotNull(dropout);
    }

    [Fact]
    public void TinyNetTurnsEach299PatchIntoOneLogit()
    {
        using var net = PatchNets.Create(ModelPreset.Tiny, 299);
        // 299 / 4 = 74, halved four times: 37, 18, 9, 4; 32 channels.
        Assert.Equal([128L, 32L * 4 * 4], Shape(net, "head.hidden.weight"));
        net.eval();
        using var _ = no_grad();
        using var logits = net.call(rand(3, 3, 299, 299));
        Assert.Equal([3L, 1L], logits.shape);
    }

    [Fact]
    public void InceptionHeadFlattensThe2048By8By8FeatureMapLikeTheSeed()
    {
        using var net = PatchNets.Create(ModelPreset.InceptionV3, 299);

        Assert.Equal([128L, 2048L * 8 * 8], Shape(net, "head.hidden.weight"));
        Assert.Contains(net.named_parameters(), p => p.name == "backbone.net.Mixed_7c.branch_pool.conv.weight");
        Assert.All(net.parameters(), p => Assert.True(p.requires_grad));
    }
}
