using System.CommandLine;

namespace TumorWeb.Web.Cli;

public static class SlideCommand
{
    public static Command Create()
    {
        var command = new Command("slide", "Inspect whole-slide images.");
        return command;
    }
}
