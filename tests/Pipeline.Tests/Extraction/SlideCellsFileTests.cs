using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Tests.Extraction;

public sealed class SlideCellsFileTests : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("tumorweb-cells-").FullName;

    public void Dispose() => Directory.Delete(_run, recursive: true);

    [Fact]
    public void CellsAreRowMajorIndicesAndComeBackAsGridCells()
    {
        SlideCellsFile.Write(_run, new SlideCellsFile.Content("tumor_001", 4, 3, [1, 6], [0, 11]));

        var read = SlideCellsFile.Read(_run, "tumor_001");

        Assert.Equal([new GridCell(1, 0), new GridCell(2, 1)], read.TumorCells);
        Assert.Equal([new GridCell(0, 0), new GridCell(3, 2)], read.NormalCells);
        Assert.Equal(Path.Combine(_run, "grids", "tumor_001.json"), SlideCellsFile.PathIn(_run, "tumor_001"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_run, "grids"), "*.tmp"));
    }

    [Fact]
    public void AMissingGridSaysTheGridStepMustRunFirst()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SlideCellsFile.Read(_run, "normal_001"));

        Assert.Equal($"{Path.Combine(_run, "grids", "normal_001.json")}: slide normal_001 has no grid yet; its grid step must run first", error.Message);
    }

    [Theory]
    [InlineData("{\"Slide\":\"s\",\"GridWidth\":2,\"GridHeight\":2,\"Tumor\":[4],\"Normal\":[]}", "a cell lies outside the grid")]
    [InlineData("{\"Slide\":\"other\",\"GridWidth\":2,\"GridHeight\":2,\"Tumor\":[],\"Normal\":[]}", "it names slide other with a 2x2 grid")]
    [InlineData("[1, 2", "not a slide's grid")]
    public void AFileThatIsNotTheSlidesGridIsRefusedWithItsPath(string text, string problem)
    {
        Directory.CreateDirectory(Path.Combine(_run, "grids"));
        File.WriteAllText(SlideCellsFile.PathIn(_run, "s"), text);

        var error = Assert.Throws<InvalidOperationException>(() => SlideCellsFile.Read(_run, "s"));

        Assert.StartsWith($"{SlideCellsFile.PathIn(_run, "s")}: not a slide's grid", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
