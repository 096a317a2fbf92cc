namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// The FROC evaluation: sensitivity at each operating point of <see cref="FrocOptions.FalsePositiveRates"/>,
/// their mean (the CAMELYON16 FROC score), and the whole curve from (0, 0) at threshold +infinity.
/// With no lesion in any slide, sensitivities and the score are NaN (report "n/a").
/// <paramref name="NormalSlideFalsePositivesAt90"/>: false positives per normal slide at the highest
/// threshold that finds 90% of the lesions (NaN when none does, or no slide is normal).
/// </summary>
public sealed record FrocResult(
    IReadOnlyList<FrocPoint> SensitivityAt,
    double Score,
    IReadOnlyList<FrocCurvePoint> Curve,
    int LesionCount,
    int SlideCount,
    double NormalSlideFalsePositivesAt90);
