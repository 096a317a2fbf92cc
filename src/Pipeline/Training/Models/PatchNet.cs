using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>
/// A convolutional base under the seed's head. It takes a batch of patches as floats in [0, 1],
/// N x 3 x H x W (the seed's rescale=1/255), and returns one logit per patch (N x 1); any resizing
/// or normalization a backbone needs happens inside it, so training and inference cannot differ.
/// </summary>
internal sealed class PatchNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> backbone;
    private readonly SeedHead head;

    public PatchNet(nn.Module<Tensor, Tensor> backbone, long features) : base(nameof(PatchNet))
    {
        this.backbone = backbone;
        head = new SeedHead(features);
        RegisterComponents();
    }

    /// <summary>True when only the head learns (Keras's conv_base.trainable = False).</summary>
    public bool BackboneFrozen { get; private set; }

    public nn.Module<Tensor, Tensor> Backbone => backbone;

    public SeedHead Head => head;

    /// <summary>
    /// Stops gradients into the base and keeps it in eval mode, so its batch-norm statistics stay
    /// the ImageNet ones too: a frozen base is a fixed feature extractor.
    /// </summary>
    public void FreezeBackbone()
    {
        foreach (var parameter in backbone.parameters()) parameter.requires_grad = false;
        BackboneFrozen = true;
        backbone.eval();
    }

    public override void train(bool on = true)
    {
        base.train(on);
        if (BackboneFrozen) backbone.eval();
    }

    public override Tensor forward(Tensor patches)
    {
        using var scope = NewDisposeScope();
        Tensor features;
        if (BackboneFrozen)
        {
            // No graph through a base that will not learn: a fraction of the memory and time.
            using var _ = no_grad();
            features = backbone.call(patches);
        }
        else features = backbone.call(patches);
        return head.call(features).MoveToOuterDisposeScope();
    }
}
