using Microsoft.Extensions.DependencyInjection;
using NetVips;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Web.Features.Runs;

namespace TumorWeb.Web.Tests.Pages;

public sealed class PatchImagesTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    [Fact]
    public async Task APatchIsDecodedFromItsPackAsThePngOfItsPixels()
    {
        var (runId, patchId, _) = await SeedPackAsync();

        var png = await context.Services.GetRequiredService<PatchImages>().PngAsync(runId, patchId);

        using var image = Image.NewFromBuffer(png!);
        Assert.Equal((4, 3, 3), (image.Width, image.Height, image.Bands));
        var pixels = image.WriteToMemory<byte>();
        Assert.Equal(Pixels(4, 3, seed: 7), pixels);
    }

    [Fact]
    public async Task APatchOfAnotherRunIsNotFound()
    {
        var (runId, patchId, _) = await SeedPackAsync();

        Assert.Null(await context.Services.GetRequiredService<PatchImages>().PngAsync(runId + 1, patchId));
    }

    [Fact]
    public async Task SamplesAreDrawnFromTheAskedClassOnly()
    {
        var (runId, _, normalIds) = await SeedPackAsync();

        var sample = await context.Services.GetRequiredService<PatchImages>().SampleAsync(runId, PatchLabel.Normal, 12);

        Assert.Equal(normalIds.Order(), sample.Order());
    }

    private static byte[] Pixels(int width, int height, int seed) =>
        Enumerable.Range(0, width * height * 3).Select(i => (byte)((i * 37 + seed * 11) % 256)).ToArray();

    /// <summary>One tumor patch of 4x3 and two normal ones, written by the real pack writer.</summary>
    private async Task<(int RunId, long TumorId, long[] NormalIds)> SeedPackAsync()
    {
        var folder = Path.Combine(context.TempDirectory, "extraction-1");
        var locations = new List<PatchLocation>();
        using (var writer = PatchPackWriter.Open(folder))
        {
            locations.Add(writer.Append(Pixels(4, 3, seed: 7), 4, 3));
            locations.Add(writer.Append(Pixels(4, 3, seed: 8), 4, 3));
            locations.Add(writer.Append(Pixels(4, 3, seed: 9), 4, 3));
        }
        var run = RunRows.Extraction(folder);
        var slide = new RunSlide { ExtractionRun = run, Name = "tumor_001", SlidePath = "/data/tumor_001.tif" };
        var patches = locations.Select((l, i) => new Patch
        {
            ExtractionRun = run, RunSlide = slide, X = i, Y = 0, Label = i == 0 ? PatchLabel.Tumor : PatchLabel.Normal,
            Shard = l.Shard, Offset = l.Offset, Length = l.Length,
        }).ToList();
        await context.SeedAsync(db =>
        {
            db.Patches.AddRange(patches);
            return Task.CompletedTask;
        });
        return (run.Id, patches[0].Id, [patches[1].Id, patches[2].Id]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
