using Spectre.Console;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Web.Cli;

/// <summary>
/// Training under a progress bar on stderr: the step of all steps, the epoch's running loss and
/// accuracy, images/s and the time left; each finished epoch and any note goes above the bar.
/// Without a terminal the same lines go to stderr, one per epoch, for logs.
/// </summary>
public static class TrainingProgressBar
{
    public static async Task<T> RunAsync<T>(Func<IProgress<TrainingProgress>, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
            return await work(new Progress<TrainingProgress>(p => { if (Line(p) is { } line) Console.Error.WriteLine(line); }));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("train", maxValue: 1);
                return await work(new Progress<TrainingProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.TotalSteps);
                    task.Value = p.Step;
                    task.Description = Markup.Escape(Describe(p));
                    if (Line(p) is { } line) console.MarkupLine(Markup.Escape(line));
                }));
            });
    }

    private static string Describe(TrainingProgress p) =>
        $"train run {p.RunId}: epoch {p.Epoch}/{p.Epochs} step {p.Step}/{p.TotalSteps} loss {TrainingTable.Number(p.Loss)} " +
        $"acc {TrainingTable.Number(p.Accuracy)} {p.ImagesPerSecond:0.0} img/s" + (p.Eta is { } eta ? $" eta {eta:hh\\:mm\\:ss}" : "");

    private static string? Line(TrainingProgress p) => p.Event switch
    {
        TrainingEvent.EpochEnd when p.Completed is { } m =>
            $"epoch {m.Epoch}/{p.Epochs}: loss {TrainingTable.Number(m.Loss)} acc {TrainingTable.Number(m.Accuracy)} " +
            $"val loss {TrainingTable.Number(m.ValLoss)} val acc {TrainingTable.Number(m.ValAccuracy)} val AUC {TrainingTable.Number(m.ValAuc)}",
        TrainingEvent.Started or TrainingEvent.Note when p.Message is not null => $"run {p.RunId}: {p.Message}",
        _ => null,
    };
}
