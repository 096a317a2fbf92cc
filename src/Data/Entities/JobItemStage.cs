namespace TumorWeb.Data.Entities;

/// <summary>Which part of a job a <see cref="JobItem"/> runs.</summary>
public enum JobItemStage
{
    /// <summary>The whole job as one item (training, mining).</summary>
    Whole,

    /// <summary>Run rows and anything computed once before the per-slide items (e.g. an evaluation's plan).</summary>
    Begin,

    /// <summary>One slide's grid (extraction).</summary>
    SlideGrid,

    /// <summary>Computed once from every slide's grid: the extraction's sampling plan.</summary>
    Plan,

    /// <summary>One slide's main work: its patches (extraction) or its heatmap (evaluation).</summary>
    Slide,

    /// <summary>Computed once after every slide: the run's final status and measurements.</summary>
    Finish,
}
