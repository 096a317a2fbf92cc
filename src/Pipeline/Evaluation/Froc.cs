namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// The CAMELYON16 lesion-level FROC on the analysis grid: lesions are the 8-connected components
/// of each slide's tumor cells, detections the local maxima of its heatmap (see
/// <see cref="LocalMaxima"/>, <see cref="LesionMatcher"/>, docs/evaluation.md).
/// </summary>
public static class Froc
{
    /// <summary>The sensitivity at which false positives per normal slide are reported (<see cref="FrocResult.NormalSlideFalsePositivesAt90"/>).</summary>
    public const double Sensitivity90 = 0.9;

    /// <exception cref="ArgumentException">No slides, or a slide's arrays do not fit its grid (the message names the slide).</exception>
    public static FrocResult Compute(IReadOnlyList<FrocSlide> slides, FrocOptions options)
    {
        if (slides.Count == 0)
            throw new ArgumentException("FROC: no slides to evaluate.", nameof(slides));
        var lesionScores = new List<float>();
        var falsePositives = new List<float>();
        var normalFalsePositives = new List<float>();
        int lesionCount = 0, normalSlides = 0;
        foreach (var slide in slides)
        {
            var match = MatchSlide(slide, options);
            lesionCount += match.LesionScores.Count;
            lesionScores.AddRange(match.LesionScores.OfType<float>());
            falsePositives.AddRange(match.FalsePositiveScores);
            if (match.LesionScores.Count == 0)
            {
                normalSlides++;
                normalFalsePositives.AddRange(match.FalsePositiveScores);
            }
        }
        var curve = FrocSweep.Curve(lesionScores, falsePositives, lesionCount, slides.Count);
        var operatingPoints = options.FalsePositiveRates
            .Select(rate => new FrocPoint(rate, FrocSweep.SensitivityAt(curve, rate)))
            .ToList();
        var score = operatingPoints.Count == 0 ? double.NaN : operatingPoints.Average(p => p.Sensitivity);
        var normalAt90 = FrocSweep.FalsePositivesPerNormalSlide(curve, normalFalsePositives, normalSlides, Sensitivity90);
        return new FrocResult(operatingPoints, score, curve, lesionCount, slides.Count, normalAt90);
    }

    private static LesionMatch MatchSlide(FrocSlide slide, FrocOptions options)
    {
        try
        {
            GridCheck.Size("tumor mask", slide.Tumor.Length, slide.Width, slide.Height);
            var lesions = ConnectedLesions.Label(slide.Tumor, slide.Width, slide.Height);
            var detections = LocalMaxima.Find(slide.Probabilities, slide.Width, slide.Height, options.MinProbability, options.SuppressionRadius);
            return LesionMatcher.Match(lesions, detections, options.Tolerance);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{slide.Name}: {e.Message}", e);
        }
    }
}
