namespace TumorWeb.Pipeline.Sampling;

public enum CellLabel
{
    Normal = 0,
    Tumor = 1,
}
