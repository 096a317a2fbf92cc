using TumorWeb.Web.Features.Runs;

namespace TumorWeb.Web.Tests.Pages;

public sealed class RunFolderNamesTests
{
    [Theory]
    [InlineData("/srv/tumorweb/data/runs/training-7", "runs/training-7")]
    [InlineData("/srv/tumorweb/data/runs/evaluation-12/", "runs/evaluation-12")]
    [InlineData("/home/lab/experiments/tiny-lr-0.01", "tiny-lr-0.01")]
    [InlineData("/data/myruns/extraction-3", "extraction-3")]
    public void TheFolderIsNamedAsOnDiskWithoutTheServersPath(string outputDirectory, string shown)
    {
        Assert.Equal(shown, RunFolderNames.Shown(outputDirectory));
    }
}
