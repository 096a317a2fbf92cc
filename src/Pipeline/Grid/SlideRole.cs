namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// How a slide is used for training: tumor slides give tumor patches (and some normal ones),
/// normal slides give normal patches only. The seed drew the line at 100 tumor cells.
/// </summary>
public enum SlideRole { Normal, Tumor }
