using TumorWeb.Web.Features.Cluster.Engine;

namespace TumorWeb.Web.Tests.Cluster;

public sealed class BiggestFirstTests
{
    [Fact]
    public void TheMostWorkGoesFirstAndTiesGoByName() =>
        Assert.Equal(["tumor_002", "normal_001", "tumor_001", "normal_002"],
            BiggestFirst.Order([("normal_002", 0), ("tumor_001", 120), ("tumor_002", 900), ("normal_001", 120)]));

    [Fact]
    public void AFileThatCannotBeReadCountsAsNoWork() =>
        Assert.Equal(0, BiggestFirst.FileSize(Path.Combine(Path.GetTempPath(), "tumorweb-no-such-slide.tif")));
}
