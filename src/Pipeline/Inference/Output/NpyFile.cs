using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// A 2-D float32 grid as a NumPy <c>.npy</c> file (format 1.0): <c>numpy.load</c> gives an array of
/// shape (height, width), C order, little-endian, exactly these floats.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // numpy aligns the data to 64 bytes (its ARRAY_ALIGN) and so do we, so a memory map is aligned too.
    private const int Alignment = 64;
    private const int PreambleLength = 10;

    public static void Write(float[,] grid, string path)
    {
        var (height, width) = (grid.GetLength(0), grid.GetLength(1));
        var values = new float[height * width];
        Buffer.BlockCopy(grid, 0, values, 0, values.Length * sizeof(float));
        Write(values, height, width, path);
    }

    /// <summary>Writes <paramref name="values"/> (row-major, <paramref name="height"/> rows of <paramref name="width"/>).</summary>
    public static void Write(ReadOnlySpan<float> values, int height, int width, string path)
    {
        if ((long)height * width != values.Length)
            throw new ArgumentException($"{path}: a {height} x {width} grid needs {(long)height * width} values, got {values.Length}");
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        stream.Write(Header(height, width));
        var chunk = new byte[sizeof(float) * 4096];
        for (var start = 0; start < values.Length; start += 4096)
        {
            var part = values.Slice(start, Math.Min(4096, values.Length - start));
            for (var i = 0; i < part.Length; i++)
                BinaryPrimitives.WriteSingleLittleEndian(chunk.AsSpan(i * sizeof(float)), part[i]);
            stream.Write(chunk, 0, part.Length * sizeof(float));
        }
    }

    /// <summary>The whole header: magic, version 1.0, length, the dict padded with spaces and a newline to 64 bytes.</summary>
    public static byte[] Header(int height, int width)
    {
        var dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({height}, {width}), }}";
        var total = (PreambleLength + dict.Length + 1 + Alignment - 1) / Alignment * Alignment;
        var text = dict.PadRight(total - PreambleLength - 1) + "\n";
        var header = new byte[total];
        Magic.CopyTo(header, 0);
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), checked((ushort)text.Length));
        Encoding.ASCII.GetBytes(text, header.AsSpan(PreambleLength));
        return header;
    }

    /// <summary>Reads a 2-D little-endian float32 C-order grid, as <see cref="Write(ReadOnlySpan{float},int,int,string)"/> writes it.</summary>
    /// <exception cref="InvalidDataException">The file is not such an array; the message names the file.</exception>
    public static (float[] Values, int Height, int Width) Read(string path)
    {
        using var stream = File.OpenRead(path);
        var preamble = new byte[PreambleLength];
        if (stream.ReadAtLeast(preamble, PreambleLength, throwOnEndOfStream: false) < PreambleLength || !preamble.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a .npy file (no \\x93NUMPY magic)");
        if (preamble[6] != 1)
            throw new InvalidDataException($"{path}: .npy version {preamble[6]}.{preamble[7]} is not supported (only 1.0)");
        var dict = new byte[BinaryPrimitives.ReadUInt16LittleEndian(preamble.AsSpan(8))];
        if (stream.ReadAtLeast(dict, dict.Length, throwOnEndOfStream: false) < dict.Length)
            throw new InvalidDataException($"{path}: the .npy header is cut short");
        var (height, width) = Shape(path, Encoding.ASCII.GetString(dict));
        var bytes = new byte[checked((long)height * width * sizeof(float))];
        if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
            throw new InvalidDataException($"{path}: the .npy data is shorter than its {height} x {width} shape");
        var values = new float[height * width];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return (values, height, width);
    }

    private static (int Height, int Width) Shape(string path, string dict)
    {
        if (!dict.Contains("'descr': '<f4'") || !dict.Contains("'fortran_order': False"))
            throw new InvalidDataException($"{path}: only little-endian float32 arrays in C order are read, the header says {dict.Trim()}");
        var shape = ShapePattern().Match(dict);
        if (!shape.Success)
            throw new InvalidDataException($"{path}: only 2-D arrays are read, the header says {dict.Trim()}");
        return (int.Parse(shape.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(shape.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"'shape': \((\d{1,9}), (\d{1,9})\)")]
    private static partial Regex ShapePattern();
}
