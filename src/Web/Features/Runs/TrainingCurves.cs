using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Charts;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// The loss and accuracy curves of one training run, by optimizer step: train points as logged,
/// validation points at the end of each epoch. Starts from the stored rows and grows with live
/// metric events; a point already held (same phase and step) is ignored, so an event that races
/// the initial load is not drawn twice.
/// </summary>
public sealed class TrainingCurves
{
    public const string Train = "train";
    public const string Validation = "validation";

    private readonly List<ApexPoint> trainLoss = [], validationLoss = [], trainAccuracy = [], validationAccuracy = [];
    private readonly HashSet<(bool Validation, long Step)> held = [];

    public TrainingCurves(IEnumerable<TrainingMetric> stored)
    {
        foreach (var row in stored.OrderBy(r => r.Step).ThenBy(r => r.Phase))
            Add(row.Phase == TrainingPhase.Validation, row.Step, row.Loss, row.Accuracy);
        Loss = [Line(Train, trainLoss, "#1565c0"), Line(Validation, validationLoss, "#e65100")];
        Accuracy = [Line(Train, trainAccuracy, "#1565c0"), Line(Validation, validationAccuracy, "#e65100")];
    }

    public IReadOnlyList<ApexSeries> Loss { get; }
    public IReadOnlyList<ApexSeries> Accuracy { get; }

    /// <summary>Adds a live point; false when it was already there or its phase is unknown.</summary>
    public bool Add(RunMetric metric)
    {
        var phase = metric.Phase.Trim().ToLowerInvariant();
        if (phase is not (Train or Validation)) return false;
        return Add(phase == Validation, metric.Step, metric.Loss, metric.Accuracy);
    }

    private bool Add(bool validation, long step, double loss, double accuracy)
    {
        if (!held.Add((validation, step))) return false;
        // Live points normally arrive in step order; an out-of-order one is inserted where it belongs.
        Insert(validation ? validationLoss : trainLoss, new ApexPoint(step, loss));
        Insert(validation ? validationAccuracy : trainAccuracy, new ApexPoint(step, accuracy));
        return true;
    }

    private static void Insert(List<ApexPoint> points, ApexPoint point)
    {
        var index = points.Count;
        while (index > 0 && points[index - 1].X > point.X) index--;
        points.Insert(index, point);
    }

    private static ApexSeries Line(string name, List<ApexPoint> points, string color) =>
        new(name, points) { Color = color, Markers = name == Validation };
}
