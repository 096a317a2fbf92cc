namespace TumorWeb.Data.Entities;

/// <summary>Which part of the data set a slide, and so each of its patches, belongs to.</summary>
public enum DataSplit
{
    Train,
    Validation,
    Test,
}
