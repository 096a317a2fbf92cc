using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>
/// A fresh real app per test on its own temp folder and SQLite file (the folder is also the data
/// root), deleted afterwards. <see cref="Settings"/> adds configuration keys.
/// </summary>
public abstract class TempAppTest : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-app-").FullName;

    /// <summary>The temp folder; the app's data folder is <see cref="DataDirectory"/> inside it.</summary>
    protected string Work => _work;

    protected string DataDirectory => Path.Combine(_work, "data");

    protected TumorWebFactory App { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Changes to the app's services, e.g. a test clock.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        App = NewApp();
        return Task.CompletedTask;
    }

    /// <summary>Another app process on the same folder, as after a restart (dispose <see cref="App"/> first).</summary>
    protected async Task RestartAsync()
    {
        await App.DisposeAsync();
        App = NewApp();
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TumorWeb.Tests.TempDirectory.Delete(_work);
    }

    private TumorWebFactory NewApp() => new(DataDirectory, services: ConfigureServices, settings: Settings);
}
