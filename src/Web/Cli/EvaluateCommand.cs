using System.CommandLine;
using Spectre.Console;
using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>evaluate --heatmaps &lt;dir&gt; [--json]</c>: per-slide AUC (all cells and tissue only), slide-level
/// AUC and FROC over the heatmaps in a folder; writes roc.png and evaluation.json there.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var heatmaps = new Option<string>("--heatmaps") { Description = "Folder written by heatmap --out (one sub-folder per slide).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout (the same as evaluation.json)." };
        var command = new Command("evaluate", "Measure heatmaps against their ground truth: ROC AUC per slide, slide-level AUC, FROC.")
            { heatmaps, json };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var report = await CliOutput.WithProgressAsync("evaluate", progress =>
                    Task.Run(() => HeatmapEvaluation.Run(parse.GetValue(heatmaps)!, new EvaluationOptions(), progress, ct), ct));
                if (parse.GetValue(json)) CliOutput.WriteJson(report);
                else Print(report);
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                return CliOutput.Fail(e.Message);
            }
        });
        return command;
    }

    private static void Print(EvaluationReport report)
    {
        var console = CliOutput.Human(json: false);
        var table = new Table().AddColumns("slide", "model", "tissue", "tumor", "max p", "AUC", "tissue AUC", "ROC colour");
        foreach (var s in report.Slides)
            table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Model), $"{s.TissueCells}", $"{s.TumorCells}",
                CliNumber.Format(s.MaxProbability), CliNumber.Format(s.Auc), CliNumber.Format(s.AucTissue),
                $"[{s.RocColour}]{s.RocColour}[/]");
        console.Write(table);
        console.WriteLine($"slide-level AUC: {CliNumber.Format(report.SlideAuc)}");
        console.WriteLine($"FROC score: {CliNumber.Format(report.Froc.Score)} ({report.Froc.Lesions} lesions; " +
            string.Join(", ", report.Froc.SensitivityAt.Select(p => $"{p.AverageFalsePositives} FP/slide: {CliNumber.Format(p.Sensitivity)}")) + ")");
        foreach (var warning in report.Warnings) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        console.WriteLine($"ROC chart: {report.RocPng}");
        console.WriteLine($"report: {report.EvaluationJson}");
    }
}
