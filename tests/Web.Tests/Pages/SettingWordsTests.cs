using TumorWeb.Web.Features.Runs;

namespace TumorWeb.Web.Tests.Pages;

public sealed class SettingWordsTests
{
    [Theory]
    [InlineData("batchSize", "batch size")]
    [InlineData("learningRate", "learning rate")]
    [InlineData("maxStepsPerEpoch", "max steps per epoch")]
    [InlineData("epochs", "epochs")]
    public void CamelCaseNamesReadAsWords(string name, string words) => Assert.Equal(words, SettingWords.Of(name));
}
