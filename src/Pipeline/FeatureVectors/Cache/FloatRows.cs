using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TumorWeb.Pipeline.FeatureVectors.Cache;

/// <summary>Float rows as little-endian bytes on disk, whatever the machine's byte order.</summary>
internal static class FloatRows
{
    public static void WriteLittleEndian(Stream output, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            output.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        var swapped = MemoryMarshal.Cast<float, int>(values).ToArray();
        BinaryPrimitives.ReverseEndianness(swapped, swapped);
        output.Write(MemoryMarshal.AsBytes(swapped.AsSpan()));
    }

    /// <summary>Fills destination from the file at offset; false when the file ends first.</summary>
    public static bool TryReadLittleEndian(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, Span<float> destination)
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(file, bytes[read..], offset + read);
            if (n == 0) return false;
            read += n;
        }
        if (!BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<float, int>(destination);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
        return true;
    }
}
