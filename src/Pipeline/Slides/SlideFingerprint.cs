using System.Security.Cryptography;

namespace TumorWeb.Pipeline.Slides;

/// <summary>
/// A slide file's content identity: its size and a SHA-256 of its first and last 64 KiB and of
/// 4 KiB at 16 evenly spaced offsets. Names and folders change when slides are copied or renamed,
/// and two labs both have a <c>tumor_001</c>; these bytes (TIFF header, directory, tile data) do
/// not. Reading about 200 KiB keeps it instant on a 10-gigapixel slide.
/// </summary>
public static class SlideFingerprint
{
    private const int EdgeBytes = 64 * 1024;
    private const int SampleBytes = 4 * 1024;
    private const int Samples = 16;

    /// <exception cref="IOException">The file cannot be read; the message names it.</exception>
    public static string Of(string path)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(BitConverter.GetBytes(length));
        foreach (var (offset, count) in Ranges(length))
        {
            var buffer = new byte[count];
            var read = RandomAccess.Read(file, buffer, offset);
            sha.AppendData(buffer, 0, read);
        }
        return $"{length}:{Convert.ToHexStringLower(sha.GetHashAndReset())}";
    }

    /// <summary>The byte ranges hashed for a file of <paramref name="length"/> bytes; a small file is read whole.</summary>
    public static IEnumerable<(long Offset, int Count)> Ranges(long length)
    {
        if (length <= 2 * EdgeBytes + Samples * SampleBytes)
        {
            yield return (0, (int)length);
            yield break;
        }
        yield return (0, EdgeBytes);
        var middle = length - 2 * EdgeBytes - SampleBytes;
        for (var i = 0; i < Samples; i++)
            yield return (EdgeBytes + middle * i / (Samples - 1), SampleBytes);
        yield return (length - EdgeBytes, EdgeBytes);
    }
}
