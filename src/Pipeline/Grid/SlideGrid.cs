using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// The grid stage's result for one slide: one pixel of thumbnail and one flag per cell, how long the
/// scans took, and how a mask was read (null without a mask).
/// </summary>
public sealed record SlideGrid(
    string SlidePath,
    long SlideWidth,
    long SlideHeight,
    RgbImage Thumbnail,
    CellMask Tissue,
    CellMask Tumor,
    CellMask Normal,
    SlideGridStats Stats,
    SlideRole Role,
    SlideGridTimings Timings,
    MaskScanStats? MaskScan);
