using TumorWeb.Web;
using TumorWeb.Web.Cli;

if (!CliApp.IsSubcommand(args))
{
    await TumorWebApp.Build(args).RunAsync();
    return 0;
}
return await CliApp.BuildRootCommand().Parse(args).InvokeAsync();
