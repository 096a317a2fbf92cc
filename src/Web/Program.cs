using TumorWeb.Web.Cli;

return await CliApp.BuildRootCommand().Parse(args).InvokeAsync();
