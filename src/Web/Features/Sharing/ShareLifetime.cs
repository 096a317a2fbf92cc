namespace TumorWeb.Web.Features.Sharing;

/// <summary>How long a share link lives: whole days, 1 to 90, a week unless the creator picks another.</summary>
public static class ShareLifetime
{
    public const int MinDays = 1;
    public const int MaxDays = 90;
    public const int DefaultDays = 7;

    /// <summary>Why <paramref name="days"/> is not a lifetime, or null when it is one.</summary>
    public static string? Problem(int days) =>
        days is >= MinDays and <= MaxDays ? null : $"a share link lives {MinDays} to {MaxDays} days, not {days}";
}
