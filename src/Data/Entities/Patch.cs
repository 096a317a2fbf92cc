namespace TumorWeb.Data.Entities;

/// <summary>
/// One extracted patch: the grid cell it was centred on and where its pixels lie in the patch pack
/// (shard file, byte offset and record length).
/// </summary>
public class Patch
{
    public long Id { get; set; }
    public int ExtractionRunId { get; set; }
    public ExtractionRun? ExtractionRun { get; set; }
    public int RunSlideId { get; set; }
    public RunSlide? RunSlide { get; set; }

    /// <summary>Grid cell column and row, not pixels.</summary>
    public int X { get; set; }
    public int Y { get; set; }

    public PatchLabel Label { get; set; }
    public DataSplit Split { get; set; }
    public int Shard { get; set; }
    public long Offset { get; set; }
    public int Length { get; set; }
}
