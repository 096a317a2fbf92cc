using System.Globalization;
using Spectre.Console;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Web.Cli;

/// <summary>One row per epoch, like Keras's history: loss and accuracy, then the validation split's with its AUC.</summary>
public static class TrainingTable
{
    public static void Print(IAnsiConsole console, TrainingReport report)
    {
        var table = new Table().AddColumns("epoch", "loss", "accuracy", "val loss", "val accuracy", "val AUC");
        foreach (var m in report.Metrics)
            table.AddRow($"{m.Epoch}/{report.Epochs}", Number(m.Loss), Number(m.Accuracy), Number(m.ValLoss), Number(m.ValAccuracy), Number(m.ValAuc));
        console.Write(table);
        console.MarkupLine($"run {report.RunId} ({report.Preset.Name()}): {report.ImagesPerSecond:0.0} training images/s; " +
            $"checkpoint {Markup.Escape(report.Checkpoint ?? "none")}");
    }

    public static string Number(double? value) =>
        value is null || double.IsNaN(value.Value) ? "n/a" : value.Value.ToString("0.0000", CultureInfo.InvariantCulture);
}
