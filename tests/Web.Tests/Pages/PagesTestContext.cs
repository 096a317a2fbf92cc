using TumorWeb.Web.Tests.Components;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using TumorWeb.Data;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Features.Sharing;

namespace TumorWeb.Web.Tests.Pages;

/// <summary>
/// bUnit setup for the run pages: MudBlazor services, loose JS interop, a real migrated SQLite file,
/// and in-test fakes of the job queue and the notifier (the only parts not real).
/// </summary>
public sealed class PagesTestContext : BunitContext
{
    private readonly string directory = Directory.CreateTempSubdirectory("tumorweb-pages-").FullName;

    public PagesTestContext()
    {
        this.AddTestServices();
        Services.AddData($"Data Source={Path.Combine(directory, "tumorweb.db")}");
        Services.AddSingleton<IJobQueue>(Queue);
        Services.AddSingleton<IRunNotifier>(Notifier);
        Services.AddRuns();
        Services.AddSharing();
        using var db = Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContext();
        db.MigrateAsync().GetAwaiter().GetResult();
        Queue.Database = Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        // MudSelect and friends render their lists through the popover provider, as in MainLayout.
        Render<MudPopoverProvider>();
    }

    /// <summary>A folder deleted with the context, for files a test writes (heatmaps, checkpoints).</summary>
    public string TempDirectory => directory;

    public FakeJobQueue Queue { get; } = new();
    public FakeRunNotifier Notifier { get; } = new();

    public async Task SeedAsync(Func<TumorWebDbContext, Task> seed)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        await seed(db);
        await db.SaveChangesAsync();
    }

    public void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    // MudBlazor's services are async-disposable only, so tests dispose the context with DisposeAsync.
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}
