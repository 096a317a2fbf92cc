using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public sealed class ModelSlideSplitsTests
{
    [Fact]
    public void SlidesMatchTheModelsExtractionByContentOrElseByPath()
    {
        var extraction = new[]
        {
            new RunSlide { SlidePath = "/lab/tumor_001.tif", ContentHash = "1:a", Split = DataSplit.Train },
            new RunSlide { SlidePath = "/lab/tumor_002.tif", ContentHash = null, Split = DataSplit.Test },
        };
        var slides = new[]
        {
            new RegisteredSlide { Id = 1, SlidePath = "/copy/renamed.tif", ContentHash = "1:a" },
            new RegisteredSlide { Id = 2, SlidePath = "/other/tumor_001.tif", ContentHash = "1:z" },
            new RegisteredSlide { Id = 3, SlidePath = "/lab/tumor_002.tif" },
        };

        var splits = ModelSlideSplits.Of(slides, extraction);

        Assert.Equal(new Dictionary<int, DataSplit> { [1] = DataSplit.Train, [3] = DataSplit.Test }, splits);
        Assert.True(ModelSlideSplits.Seen(splits[1]));
        Assert.False(ModelSlideSplits.Seen(splits[3]));
    }
}
