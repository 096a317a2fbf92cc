using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Tests.Pages;

namespace TumorWeb.Web.Tests.Hostile;

public static class SeededShares
{
    /// <summary>Creates a share link of a training run seeded in the app's database and answers its URL.</summary>
    public static async Task<string> CreateAsync(TumorWebFactory app, HttpClient client)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        var training = RunRows.Training(RunRows.Extraction());
        db.TrainingRuns.Add(training);
        await db.SaveChangesAsync();

        var response = await client.PostAsJsonAsync($"/api/training/{training.Id}/shares", new { days = 7 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }
}
