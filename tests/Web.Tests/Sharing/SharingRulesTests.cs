using TumorWeb.Data.Entities;
using TumorWeb.Data.Entities.Accounts;
using TumorWeb.Web.Features.Sharing;

namespace TumorWeb.Web.Tests.Sharing;

public sealed class SharingRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, null)]
    [InlineData(90, null)]
    [InlineData(0, "a share link lives 1 to 90 days, not 0")]
    [InlineData(91, "a share link lives 1 to 90 days, not 91")]
    [InlineData(-7, "a share link lives 1 to 90 days, not -7")]
    public void LifetimesAreOneToNinetyDays(int days, string? problem) => Assert.Equal(problem, ShareLifetime.Problem(days));

    [Fact]
    public void ALinkExpiresAtItsExpiryInstantAndRevocationWins()
    {
        var link = new ShareLink { ExpiresAt = Noon };

        Assert.Equal(ShareLinkState.Active, link.StateAt(Noon.AddTicks(-1)));
        Assert.Equal(ShareLinkState.Expired, link.StateAt(Noon));
        link.RevokedAt = Noon.AddDays(-1);
        Assert.Equal(ShareLinkState.Revoked, link.StateAt(Noon.AddDays(-2)));
        Assert.Equal(ShareLinkState.Revoked, link.StateAt(Noon.AddDays(1)));
    }

    [Fact]
    public void SharedSettingsAndModelsShowFileNamesNotServerPaths()
    {
        var settings = SharedResults.PublicSettings(new Dictionary<string, string> { ["weightsFile"] = "/lab/weights/tiny.pt", ["epochs"] = "3", ["w"] = @"C:\w\x.pt" });

        Assert.Equal("tiny.pt", settings["weightsFile"]);
        Assert.Equal("3", settings["epochs"]);
        Assert.Equal("x.pt", settings["w"]);
        Assert.Equal("training #4 (tiny), checkpoint epoch-003.ckpt",
            SharedResults.ModelOf(new EvaluationRun { ModelPath = "/runs/training-4/checkpoints/epoch-003.ckpt", TrainingRun = new TrainingRun { Id = 4, Preset = "tiny" } }));
        Assert.Equal("baseline.json", SharedResults.ModelOf(new EvaluationRun { ModelPath = "/models/baseline.json" }));
    }

    [Fact]
    public void UrlsPutTheSecretAfterTheAppsRoot()
    {
        Assert.Equal("https://lab.example/tumorweb/share/s_abc", ShareUrls.Page("https://lab.example/tumorweb/", "s_abc"));
        Assert.Equal("http://localhost:5077/share/s_abc", ShareUrls.Page("http://localhost:5077", "s_abc"));
        Assert.Equal("share/s_abc/slides/12/figure.png", ShareUrls.SlideFile("s_abc", 12, "figure.png"));
    }
}
