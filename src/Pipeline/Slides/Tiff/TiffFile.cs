using Microsoft.Win32.SafeHandles;

namespace TumorWeb.Pipeline.Slides.Tiff;

/// <summary>Bounded reads at absolute offsets of an open TIFF; reading past the end is an inconsistent file.</summary>
internal sealed class TiffFile(SafeFileHandle handle, string path)
{
    public string Path { get; } = path;
    public long Length { get; } = RandomAccess.GetLength(handle);

    public void Read(long offset, Span<byte> destination, string what)
    {
        if (offset < 0 || offset > Length - destination.Length)
            throw Inconsistent($"{what} ({destination.Length} bytes at offset {offset}) lies past the end of the file ({Length} bytes)");
        for (var done = 0; done < destination.Length;)
        {
            var read = RandomAccess.Read(handle, destination[done..], offset + done);
            if (read == 0) throw Inconsistent($"{what} is cut short: the file ended while reading it");
            done += read;
        }
    }

    public SlideException Inconsistent(string reason) => new(Path, $"TIFF directory 0 is inconsistent: {reason}");
}
