namespace TumorWeb.Data.Entities;

/// <summary>
/// Whether a slide counts as a tumor slide (enough tumor cells) or a normal one. The grid stage decides
/// Tumor or Normal (the seed drew the line at 100 tumor cells); Unknown is a row no grid has judged yet.
/// Tumor slides give tumor patches (and some normal ones), normal slides give normal patches only.
/// Stored by name, so the names are part of the schema.
/// </summary>
public enum SlideRole
{
    Unknown,
    Tumor,
    Normal,
}
