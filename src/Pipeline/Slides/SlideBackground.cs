namespace TumorWeb.Pipeline.Slides;

/// <summary>What transparent pixels (outside the slide, unscanned areas) read as.</summary>
public enum SlideBackground
{
    /// <summary>Glass: what a pathologist sees, and what tissue detection expects.</summary>
    White,

    /// <summary>Zero: right for masks, where transparent means "no label".</summary>
    Black,
}
