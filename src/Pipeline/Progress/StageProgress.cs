namespace TumorWeb.Pipeline.Progress;

/// <summary>Progress of one stage: how many of how many units are done, and what is being worked on.</summary>
public sealed record StageProgress(string Stage, long Done, long Total, string? Item = null)
{
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}
