using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Web.Cli;

/// <summary>
/// Shared output for commands: JSON goes to stdout alone; tables and progress bars go to stderr
/// when --json is given, so scripts can pipe stdout straight into a JSON parser.
/// </summary>
public static class CliOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Human-facing console: stdout normally, stderr when stdout carries JSON.</summary>
    public static IAnsiConsole Human(bool json) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(json ? Console.Error : Console.Out),
    });

    /// <summary>Runs work under a progress bar (on stderr), fed by the stage's IProgress reports.</summary>
    public static async Task<T> WithProgressAsync<T>(string title, Func<IProgress<StageProgress>, Task<T>> work)
    {
        // A live bar only makes sense on a terminal; in logs and pipes it would be noise.
        if (Console.IsErrorRedirected) return await work(new Progress<StageProgress>());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                var progress = new Progress<StageProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = p.Item is null ? $"{title}: {p.Stage}" : $"{title}: {p.Stage} {Markup.Escape(p.Item)}";
                });
                return await work(progress);
            });
    }

    /// <summary>Prints the error (it names the file and the problem) and returns the exit code.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
