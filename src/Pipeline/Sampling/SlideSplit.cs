namespace TumorWeb.Pipeline.Sampling;

/// <summary>Which part of the experiment a slide belongs to; every patch of a slide shares it.</summary>
public enum SlideSplit
{
    Train,
    Validation,
    Test,
}
