using System.Text.Json.Serialization;

namespace TumorWeb.Pipeline.Training;

/// <summary>Running sums of per-image loss and correct answers, so means over any stretch are exact.</summary>
public readonly record struct MetricSums(double LossSum, long Correct, long Images)
{
    [JsonIgnore] public double Loss => Images == 0 ? double.NaN : LossSum / Images;
    [JsonIgnore] public double Accuracy => Images == 0 ? double.NaN : (double)Correct / Images;

    /// <summary>Adds a batch whose mean loss was <paramref name="meanLoss"/>.</summary>
    public MetricSums Add(double meanLoss, long correct, long images) => new(LossSum + meanLoss * images, Correct + correct, Images + images);
}
