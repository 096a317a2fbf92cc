using System.Buffers.Binary;
using System.Text;

namespace TumorWeb.Pipeline.Tests.Training.Torch;

/// <summary>
/// Writes a minimal little-endian ELF64 file holding only version tables, laid out so offsets are
/// easy to compute by hand: the 64-byte header, the version needs from offset 64 (16 bytes per
/// library, then 16 per version), the version definitions, the string table, the section headers.
/// </summary>
internal sealed class ElfFileBuilder
{
    private readonly List<(string Library, string[] Versions)> needs = [];
    private readonly List<string> definitions = [];

    public ElfFileBuilder Needs(string library, params string[] versions)
    {
        needs.Add((library, versions));
        return this;
    }

    public ElfFileBuilder Defines(params string[] versions)
    {
        definitions.AddRange(versions);
        return this;
    }

    public byte[] Build()
    {
        var strings = new StringTable();
        var verneed = VersionNeeds(strings);
        var verdef = VersionDefinitions(strings);
        var dynstr = strings.Bytes();
        var verneedAt = 64;
        var verdefAt = verneedAt + verneed.Length;
        var dynstrAt = verdefAt + verdef.Length;
        var headersAt = dynstrAt + dynstr.Length;
        var file = new byte[headersAt + 4 * 64];
        WriteElfHeader(file, headersAt, sectionCount: 4);
        verneed.CopyTo(file, verneedAt);
        verdef.CopyTo(file, verdefAt);
        dynstr.CopyTo(file, dynstrAt);
        WriteSectionHeader(file, headersAt + 64, type: 3, dynstrAt, dynstr.Length, link: 0, info: 0);
        WriteSectionHeader(file, headersAt + 128, type: 0x6ffffffe, verneedAt, verneed.Length, link: 1, info: needs.Count);
        WriteSectionHeader(file, headersAt + 192, type: 0x6ffffffd, verdefAt, verdef.Length, link: 1, info: definitions.Count);
        return file;
    }

    private byte[] VersionNeeds(StringTable strings)
    {
        var bytes = new List<byte>();
        for (var n = 0; n < needs.Count; n++)
        {
            var (library, versions) = needs[n];
            var size = 16 + 16 * versions.Length;
            bytes.AddRange(U16(1), U16(versions.Length), U32(strings.Add(library)), U32(16), U32(n == needs.Count - 1 ? 0 : size));
            for (var v = 0; v < versions.Length; v++)
                bytes.AddRange(U32(0), U16(0), U16(2 + v), U32(strings.Add(versions[v])), U32(v == versions.Length - 1 ? 0 : 16));
        }
        return [.. bytes];
    }

    private byte[] VersionDefinitions(StringTable strings)
    {
        var bytes = new List<byte>();
        for (var d = 0; d < definitions.Count; d++)
        {
            bytes.AddRange(U16(1), U16(0), U16(d + 1), U16(1), U32(0), U32(20), U32(d == definitions.Count - 1 ? 0 : 28));
            bytes.AddRange(U32(strings.Add(definitions[d])), U32(0));
        }
        return [.. bytes];
    }

    private static void WriteElfHeader(byte[] file, int sectionHeadersAt, int sectionCount)
    {
        "\u007fELF"u8.CopyTo(file);
        file[4] = 2; // ELFCLASS64
        file[5] = 1; // ELFDATA2LSB
        file[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(0x28), (ulong)sectionHeadersAt);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3a), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3c), (ushort)sectionCount);
    }

    private static void WriteSectionHeader(byte[] file, int at, uint type, int offset, int size, int link, int info)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 4), type);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(at + 0x18), (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(at + 0x20), (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 0x28), (uint)link);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 0x2c), (uint)info);
    }

    private static byte[] U16(int value) => BitConverter.GetBytes((ushort)value);

    private static byte[] U32(int value) => BitConverter.GetBytes((uint)value);

    private sealed class StringTable
    {
        private readonly List<byte> bytes = [0];

        public int Add(string text)
        {
            var at = bytes.Count;
            bytes.AddRange(Encoding.ASCII.GetBytes(text));
            bytes.Add(0);
            return at;
        }

        public byte[] Bytes() => [.. bytes];
    }
}

internal static class ListExtensions
{
    public static void AddRange(this List<byte> list, params byte[][] parts)
    {
        foreach (var part in parts) list.AddRange(part);
    }
}
