using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Extraction;

public sealed class ExtractionOptionsTests
{
    private static ExtractionOptions Valid => new() { DatasetDirectory = "d", OutputDirectory = "o" };

    [Fact]
    public void DefaultsAreTheMethodsSettings()
    {
        var options = Valid;
        Assert.Equal((1, 1.0 / 3, 0.5, 0.2, 0.2, 128, 299, 100),
            (options.Seed, options.TumorFraction, options.NormalPerTumor, options.ValidationFraction, options.TestFraction,
             options.Grid.CellSize, options.PatchSize, options.Grid.TumorSlideThreshold));
        options.Validate();
    }

    public static TheoryData<ExtractionOptions, string> OutOfRange => new()
    {
        { Valid with { TumorFraction = 5 }, "tumor fraction must be above 0 and at most 1 (got 5)" },
        { Valid with { TumorFraction = 0 }, "tumor fraction must be above 0 and at most 1 (got 0)" },
        { Valid with { BatchSize = 0 }, "extraction batch size must be 1 or more (got 0)" },
        { Valid with { Seed = -1 }, "seed must be 0 or more (got -1)" },
        { Valid with { NormalPerTumor = 101 }, "normal patches per tumor patch must be between 0 and 100 (got 101)" },
        { Valid with { Grid = new GridOptions { CellSize = 8 } }, "cell size must be between 16 and 4096 pixels (got 8)" },
        { Valid with { PatchSize = 100 }, "patch size must be between the cell size (128) and 4096 pixels (got 100)" },
        { Valid with { ValidationFraction = 0.6, TestFraction = 0.4 }, "validation and test fractions must leave slides for training (got 0.6 + 0.4)" },
        { Valid with { TestFraction = -0.1 }, "test fraction must be at least 0 and below 1 (got -0.1)" },
    };

    [Theory, MemberData(nameof(OutOfRange))]
    public void OutOfRangeSettingsAreRefusedWithTheAllowedRange(ExtractionOptions options, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(options.Validate).Message);
}
