using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>The seed's optimizer: RMSprop with Keras's constants, over what may learn (only the head of a frozen preset).</summary>
internal static class TrainingOptimizer
{
    public static RMSProp Create(nn.Module net, TrainingHyperparameters hyper) => optim.RMSProp(
        net.parameters().Where(p => p.requires_grad), hyper.LearningRate,
        alpha: TrainingHyperparameters.RmspropRho, eps: TrainingHyperparameters.RmspropEpsilon, weight_decay: hyper.WeightDecay);
}
