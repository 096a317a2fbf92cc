namespace TumorWeb.Data.Entities;

public enum PatchLabel
{
    Normal,
    Tumor,
}
