namespace TumorWeb.Data.Entities;

/// <summary>Whether a slide counts as a tumor slide (enough tumor cells) or a normal one.</summary>
public enum SlideRole
{
    Unknown,
    Tumor,
    Normal,
}
