namespace TumorWeb.Web.Features.Runs;

/// <summary>Time left for a running job, assuming it keeps the pace it has had since it started.</summary>
public static class RunEta
{
    /// <summary>Null before any progress (no pace to go by) and once done.</summary>
    public static TimeSpan? Remaining(DateTimeOffset startedAt, DateTimeOffset now, double progress)
    {
        if (progress <= 0 || progress >= 1 || now <= startedAt) return null;
        var elapsed = now - startedAt;
        return TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - progress) / progress);
    }

    /// <summary>"1 h 05 min", "4 min 10 s", "12 s".</summary>
    public static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min"
        : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds:00} s"
        : $"{Math.Max(0, (int)Math.Round(span.TotalSeconds))} s";
}
