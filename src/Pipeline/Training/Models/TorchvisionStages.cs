using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>Finds a torchvision model's blocks by the names its forward() runs them under.</summary>
internal static class TorchvisionStages
{
    public static nn.Module<Tensor, Tensor>[] Pick(nn.Module model, IReadOnlyList<string> names)
    {
        var children = model.named_children().ToDictionary(c => c.name, c => c.module);
        return names.Select(name => children.TryGetValue(name, out var child) && child is nn.Module<Tensor, Tensor> stage
            ? stage
            : throw new InvalidOperationException($"{model.GetName()} has no block '{name}': this TorchVision version lays the model out differently")).ToArray();
    }
}
