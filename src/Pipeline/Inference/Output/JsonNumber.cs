namespace TumorWeb.Pipeline.Inference.Output;

public static class JsonNumber
{
    /// <summary>JSON has no NaN or infinity: an undefined number (an AUC without tumor cells) is written as null.</summary>
    public static double? OrNull(double value) => double.IsFinite(value) ? value : null;
}
