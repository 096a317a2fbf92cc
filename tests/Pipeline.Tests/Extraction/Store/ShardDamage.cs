namespace TumorWeb.Pipeline.Tests.Extraction.Store;

/// <summary>Damage done to shard files by hand, as a crash or a bad disk would.</summary>
public static class ShardDamage
{
    public static void FlipByte(string path, long offset)
    {
        using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var value = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(value ^ 0xFF));
    }

    public static void TruncateBy(string path, long bytes)
    {
        using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        file.SetLength(file.Length - bytes);
    }
}
