using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// Checkpoint files: a header (JSON), the model's state dict, then the optimizer's state, so a
/// resume restores everything and inference reads only the first two. A file is written beside its
/// final name and renamed over it, so a crash leaves the old checkpoint or the new one, never half.
/// </summary>
public static class Checkpoints
{
    public const string Folder = "checkpoints";
    public const string Extension = ".ckpt";
    private const string Magic = "TUMORWEB-CHECKPOINT";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string EpochPath(string runDirectory, int epoch) =>
        Path.Combine(runDirectory, Folder, $"epoch-{epoch.ToString("D3", CultureInfo.InvariantCulture)}{Extension}");

    /// <summary>The checkpoint taken within an epoch (every few minutes, or on cancel); each replaces the last.</summary>
    public static string LatestPath(string runDirectory) => Path.Combine(runDirectory, Folder, "latest" + Extension);

    internal static void Save(string path, CheckpointHeader header, nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(header.Format);
            writer.Write(JsonSerializer.Serialize(header, Json));
            model.save(writer);
            optimizer.save_state_dict(writer);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>True when the file starts like a checkpoint; reads a few bytes only.</summary>
    public static bool IsCheckpoint(string path)
    {
        try
        {
            using var reader = Open(path);
            return reader.BaseStream.Length > Magic.Length && reader.ReadString() == Magic;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static CheckpointHeader ReadHeader(string path)
    {
        using var reader = Open(path);
        return Header(path, reader);
    }

    /// <summary>Reads the header and fills <paramref name="model"/> (and <paramref name="optimizer"/>, when given) from the file.</summary>
    internal static CheckpointHeader Load(string path, nn.Module model, TorchSharp.Modules.OptimizerHelper? optimizer = null)
    {
        using var reader = Open(path);
        var header = Header(path, reader);
        try
        {
            model.load(reader, strict: true);
            optimizer?.load_state_dict(reader);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException or ExternalException)
        {
            throw new InvalidDataException($"{path}: checkpoint does not fit a {header.Hyperparameters.Model} model: {e.Message}", e);
        }
        return header;
    }

    /// <summary>The checkpoint of a run folder that got furthest, or null when it has none.</summary>
    public static string? Furthest(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, Folder);
        if (!Directory.Exists(folder)) return null;
        return Directory.EnumerateFiles(folder, "*" + Extension)
            .Select(path => (Path: path, Header: ReadHeader(path)))
            .OrderByDescending(c => c.Header.Position, Comparer<TrainingPosition>.Create(TrainingPosition.CompareProgress))
            .Select(c => c.Path)
            .FirstOrDefault();
    }

    private static BinaryReader Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: checkpoint not found", path);
        return new BinaryReader(File.OpenRead(path));
    }

    private static CheckpointHeader Header(string path, BinaryReader reader)
    {
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException("no checkpoint marker");
            var format = reader.ReadInt32();
            if (format != CheckpointHeader.CurrentFormat)
                throw new InvalidDataException($"format {format}, this version reads format {CheckpointHeader.CurrentFormat}");
            return JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadString(), Json) ?? throw new InvalidDataException("empty header");
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or InvalidDataException or IOException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a TumorWeb checkpoint ({e.Message})", e);
        }
    }
}
