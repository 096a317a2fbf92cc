using System.Diagnostics;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Training.Loading;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>Scores the held-out slides' patches in eval mode: loss, accuracy at 0.5, and AUC.</summary>
internal static class Validation
{
    public static async Task<ValidationResult> ScoreAsync(nn.Module<Tensor, Tensor> net, IBatchSource loader, IReadOnlyList<TrainingPatch> patches,
        int batchSize, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var sums = default(MetricSums);
        var scores = new List<float>(patches.Count);
        var labels = new List<bool>(patches.Count);
        net.eval();
        try
        {
            await foreach (var batch in loader.ReadAsync(patches, EpochPlan.Sequential(patches.Count, batchSize), ct))
            {
                using var _ = no_grad();
                using var scope = NewDisposeScope();
                var x = loader.ToInput(batch, TorchDevice.Pick());
                var y = tensor(batch.Labels, device: TorchDevice.Pick());
                var logits = net.call(x);
                sums = sums.Add(BatchLoss.Mean(logits, y).item<float>(), BatchLoss.Correct(logits, y), batch.Count);
                scores.AddRange(logits.view(-1).sigmoid().cpu().data<float>().ToArray());
                labels.AddRange(batch.Labels.Select(l => l > 0.5f));
            }
        }
        finally
        {
            net.train();
        }
        var auc = Roc.Curve(scores, labels).Auc;
        return new ValidationResult(sums, double.IsNaN(auc) ? null : auc, sums.Images / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));
    }
}
