using TumorWeb.Pipeline.Checksums;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace TumorWeb.Pipeline.Synthetic.Png;

/// <summary>PNG framing: the signature, the IHDR header, and length + type + data + CRC chunks.</summary>
internal static class PngChunks
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The signature and IHDR of an 8-bit grey (1 band) or RGB (3 bands) image without interlacing.</summary>
    public static byte[] Header(int width, int height, int bands)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = bands == 3 ? (byte)2 : (byte)0;
        var chunk = Frame("IHDR", ihdr, out var length);
        var header = new byte[Signature.Length + length];
        Signature.CopyTo(header, 0);
        chunk.AsSpan(0, length).CopyTo(header.AsSpan(Signature.Length));
        ArrayPool<byte>.Shared.Return(chunk);
        return header;
    }

    /// <summary>One chunk in an array rented from the shared pool; <paramref name="length"/> bytes of it are the chunk.</summary>
    public static byte[] Frame(string type, ReadOnlySpan<byte> data, out int length)
    {
        length = data.Length + 12;
        var chunk = ArrayPool<byte>.Shared.Rent(length);
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        data.CopyTo(chunk.AsSpan(8));
        var crc = Crc32.Append(0, chunk.AsSpan(4, data.Length + 4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), crc);
        return chunk;
    }
}
