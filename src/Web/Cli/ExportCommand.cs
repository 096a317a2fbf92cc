using System.CommandLine;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Export;

namespace TumorWeb.Web.Cli;

/// <summary><c>export &lt;extraction-dir&gt; --out &lt;dir&gt;</c>: patches as the seed's PNG folders.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var extraction = new Argument<string>("extraction-dir") { Description = "Folder written by extract." };
        var output = new Option<string>("--out") { Description = "Folder to write patches/tumor and patches/normal into.", Required = true };
        var split = new Option<DataSplit?>("--split") { Description = "Only this split (Train, Validation or Test)." };
        var db = new Option<string?>("--db") { Description = "SQLite catalog (default: <extraction-dir>/catalog.db)." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout." };
        var command = new Command("export", "Write extracted patches as patches/tumor|normal/{slide}_{x}_{y}.png.")
        {
            extraction, output, split, db, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(extraction)!;
            var target = parse.GetValue(output)!;
            try
            {
                var dbPath = CliDatabase.PathFor(parse.GetValue(db), source);
                if (!File.Exists(dbPath)) return CliOutput.Fail($"{dbPath}: no catalog here; run extract first or give --db");
                var factory = await CliDatabase.OpenAsync(dbPath, ct);
                var count = await CliOutput.WithProgressAsync("export",
                    progress => PatchExporter.ExportAsync(factory, source, target, parse.GetValue(split), progress, ct));
                if (parse.GetValue(json)) CliOutput.WriteJson(new { exported = count, directory = Path.GetFullPath(Path.Combine(target, "patches")) });
                else Console.WriteLine($"{count} patches written under {Path.Combine(target, "patches")}");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return CliOutput.Fail(e.Message);
            }
        });
        return command;
    }
}
