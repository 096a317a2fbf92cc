namespace TumorWeb.Data.Entities;

/// <summary>One region drawn in the app's viewer on a registered slide, in level-0 pixel coordinates.</summary>
public class SlideAnnotation
{
    public int Id { get; set; }
    public int RegisteredSlideId { get; set; }
    public RegisteredSlide? Slide { get; set; }

    /// <summary>The id the viewer gave the region; kept across saves, so an unchanged region keeps its author and time.</summary>
    public string FeatureId { get; set; } = "";

    public AnnotationKind Kind { get; set; }

    /// <summary>The outer ring as JSON <c>[[x,y],...]</c>, not closed (the last point joins the first).</summary>
    public string Points { get; set; } = "";

    /// <summary>Who drew the region or last changed it, and when.</summary>
    public string Author { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
}
