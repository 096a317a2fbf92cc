using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// The seed's binary cross-entropy, computed from logits (the head has no sigmoid), and its
/// accuracy at probability 0.5, i.e. logit 0. Labels are 1 for tumor, 0 for normal.
/// </summary>
public static class BatchLoss
{
    /// <summary>Mean over the batch, as Keras reports it.</summary>
    public static Tensor Mean(Tensor logits, Tensor labels) =>
        nn.functional.binary_cross_entropy_with_logits(logits.view(-1), labels.view(-1));

    public static long Correct(Tensor logits, Tensor labels)
    {
        using var scope = NewDisposeScope();
        return logits.view(-1).ge(0).eq(labels.view(-1).ge(0.5)).sum().item<long>();
    }
}
