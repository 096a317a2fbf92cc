namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>The files of one slide's heatmap, all in <see cref="Folder"/> (<c>&lt;out&gt;/&lt;slide-name&gt;/</c>).</summary>
public sealed record HeatmapFiles(string Folder)
{
    public const string ProbabilitiesName = "probabilities.npy";
    public const string CellsName = "cells.csv";
    public const string HeatmapPngName = "heatmap.png";
    public const string ComparisonPngName = "comparison.png";

    public string Probabilities => Path.Combine(Folder, ProbabilitiesName);
    public string Cells => Path.Combine(Folder, CellsName);
    public string HeatmapPng => Path.Combine(Folder, HeatmapPngName);
    public string ComparisonPng => Path.Combine(Folder, ComparisonPngName);
    public string Summary => Path.Combine(Folder, HeatmapSummaryFile.FileName);

    public static HeatmapFiles For(string outputDirectory, string slideName) => new(Path.GetFullPath(Path.Combine(outputDirectory, slideName)));
}
