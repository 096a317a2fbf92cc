using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class LocalMaximaTests
{
    [Fact]
    public void FlanksOfAPeakAreNotDetections()
    {
        float[] row = [0.2f, 0.5f, 0.9f, 0.6f, 0.3f, 0.1f, 0.4f];

        var detections = LocalMaxima.Find(row, 7, 1, 0f, 1);

        Assert.Equal([new Detection(2, 0, 0.9f), new Detection(6, 0, 0.4f)], detections);
    }

    [Fact]
    public void MaximaAtOrBelowTheMinimumAreDropped()
    {
        float[] row = [0.2f, 0.5f, 0.9f, 0.6f, 0.3f, 0.1f, 0.4f];

        Assert.Equal([new Detection(2, 0, 0.9f)], LocalMaxima.Find(row, 7, 1, 0.4f, 1));
    }

    [Fact]
    public void APlateauGivesOneDetectionPerWindow()
    {
        float[] plateau = [0.7f, 0.7f, 0.7f, 0.7f, 0.7f];

        var detections = LocalMaxima.Find(plateau, 5, 1, 0.5f, 1);

        Assert.Equal([new Detection(0, 0, 0.7f), new Detection(2, 0, 0.7f), new Detection(4, 0, 0.7f)], detections);
    }

    [Fact]
    public void TheWindowReachesDiagonallyByTheRadius()
    {
        float[] grid =
        [
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f,
            0.0f, 0.8f, 0.0f, 0.0f, 0.0f,
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f,
            0.0f, 0.0f, 0.0f, 0.6f, 0.0f,
            0.0f, 0.0f, 0.0f, 0.0f, 0.7f,
        ];

        Assert.Equal(
            [new Detection(1, 1, 0.8f), new Detection(4, 4, 0.7f), new Detection(3, 3, 0.6f)],
            LocalMaxima.Find(grid, 5, 5, 0f, 0));
        Assert.Equal(
            [new Detection(1, 1, 0.8f), new Detection(4, 4, 0.7f)],
            LocalMaxima.Find(grid, 5, 5, 0f, 1));
        Assert.Equal([new Detection(1, 1, 0.8f)], LocalMaxima.Find(grid, 5, 5, 0f, 3));
    }

    [Fact]
    public void NaNProbabilityIsRejectedWithItsCell()
    {
        var error = Assert.Throws<ArgumentException>(() => LocalMaxima.Find([0.1f, 0.2f, float.NaN, 0.3f], 2, 2, 0f, 1));
        Assert.Contains("cell (0, 1) is NaN", error.Message);
    }
}
