using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>The grid stage's result for one slide: one pixel of thumbnail and one flag per cell.</summary>
public sealed record SlideGrid(
    string SlidePath,
    long SlideWidth,
    long SlideHeight,
    RgbImage Thumbnail,
    CellMask Tissue,
    CellMask Tumor,
    CellMask Normal,
    SlideGridStats Stats,
    SlideRole Role);
