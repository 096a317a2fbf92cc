using Spectre.Console;
using TumorWeb.Pipeline.Extraction;

namespace TumorWeb.Web.Cli;

/// <summary>The per-slide table (tissue, tumor, normal, extracted) with totals.</summary>
public static class ExtractionTable
{
    public static void Print(IAnsiConsole console, ExtractionReport report)
    {
        var table = new Table().AddColumns("slide", "role", "split", "tissue", "tumor", "normal", "tumor patches", "normal patches", "status");
        foreach (var s in report.Slides)
            table.AddRow(Markup.Escape(s.Name), $"{s.Role}", $"{s.Split}", $"{s.TissueCells}", $"{s.TumorCells}", $"{s.NormalCells}",
                $"{s.TumorExtracted}", $"{s.NormalExtracted}", s.Error is null ? $"{s.Status}" : $"[red]{s.Status}[/]");
        table.AddRow("[bold]total[/]", "", "", $"{report.Slides.Sum(s => s.TissueCells)}", $"{report.Slides.Sum(s => s.TumorCells)}",
            $"{report.Slides.Sum(s => s.NormalCells)}", $"{report.TumorExtracted}", $"{report.NormalExtracted}", $"{report.Status}");
        console.Write(table);
        foreach (var s in report.Slides.Where(s => s.Error is not null))
            console.MarkupLine($"[red]{Markup.Escape(s.Name)}[/]: {Markup.Escape(s.Error!)}");
        foreach (var warning in report.Warnings)
            console.MarkupLine($"[yellow]warning[/]: {Markup.Escape(warning)}");
        console.MarkupLine($"{report.Extracted} patches in {Markup.Escape(report.OutputDirectory)}; " +
            $"{report.PatchesWrittenNow} written now at {report.PatchesPerSecond:0} patches/s; grid {report.GridSeconds:0.0} s");
    }
}
