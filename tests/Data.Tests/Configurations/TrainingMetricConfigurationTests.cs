using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Tests.Configurations;

[Collection(PostgresCollection.Name)]
public sealed class TrainingMetricConfigurationTests(PostgresFixture postgres)
{
    private static async Task<int> SaveTrainingRunAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var training = new TrainingRun
        {
            ExtractionRun = CatalogBuilder.Run(),
            Preset = "tiny",
            Hyperparameters = """{"epochs":2}""",
            OutputDirectory = "/data/out/run/training/run-1",
            CreatedAt = CatalogBuilder.Noon,
        };
        db.Add(training);
        await db.SaveChangesAsync();
        return training.Id;
    }

    private static TrainingMetric Metric(int runId, TrainingPhase phase, long step) => new()
    {
        TrainingRunId = runId, Epoch = 1, Step = step, Phase = phase, Loss = 0.5, Accuracy = 0.75, Images = 8, At = CatalogBuilder.Noon,
    };

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SecondTrainPointForTheSameStepIsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        var runId = await SaveTrainingRunAsync(database);
        await using var db = database.NewContext();
        db.Add(Metric(runId, TrainingPhase.Train, 10));
        await db.SaveChangesAsync();

        db.Add(Metric(runId, TrainingPhase.Train, 10));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        UniqueViolation.AssertRefusedBy(error, provider, "TrainingMetrics", "TrainingRunId", "Phase", "Step");
    }

    [Fact]
    public async Task ValidationPointMayShareTheStepOfATrainPoint()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var runId = await SaveTrainingRunAsync(database);
        await using var db = database.NewContext();

        db.AddRange(Metric(runId, TrainingPhase.Train, 10), Metric(runId, TrainingPhase.Validation, 10));
        await db.SaveChangesAsync();

        Assert.Equal("Train,Validation", await database.ScalarAsync("SELECT group_concat(Phase) FROM (SELECT Phase FROM TrainingMetrics ORDER BY Phase)"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DeletingTheExtractionRunDeletesItsTrainingRunsAndTheirMetrics(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        var runId = await SaveTrainingRunAsync(database);
        await using (var db = database.NewContext())
        {
            db.Add(Metric(runId, TrainingPhase.Train, 1));
            await db.SaveChangesAsync();
            db.Remove(await db.ExtractionRuns.SingleAsync());
            await db.SaveChangesAsync();
        }

        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM \"TrainingRuns\""));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM \"TrainingMetrics\""));
    }
}
