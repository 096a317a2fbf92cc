using TumorWeb.Web;
using TumorWeb.Web.Cli;

if (!CliApp.IsSubcommand(args))
{
    await TumorWebApp.Build(args).RunAsync();
    return 0;
}
return await CliApp.BuildRootCommand().Parse(args).InvokeAsync();

/// <summary>Named so WebApplicationFactory&lt;Program&gt; can start the app in tests.</summary>
public partial class Program;
