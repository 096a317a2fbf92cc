namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// A ROC curve from (0, 0) at threshold +infinity to (1, 1) at the lowest score, and its area.
/// When one class is absent both are undefined: <see cref="Points"/> is empty and
/// <see cref="Auc"/> is <see cref="double.NaN"/> (report it as "n/a").
/// </summary>
public sealed record RocCurve(IReadOnlyList<RocPoint> Points, double Auc)
{
    public static RocCurve Undefined { get; } = new([], double.NaN);

    public bool IsDefined => !double.IsNaN(Auc);
}
