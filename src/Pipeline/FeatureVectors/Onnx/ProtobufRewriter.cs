using System.Buffers;

namespace TumorWeb.Pipeline.FeatureVectors.Onnx;

/// <summary>
/// Just enough of the protobuf wire format to replace some length-delimited fields of a message
/// and copy every other byte as it is, so an ONNX file can be edited without a protobuf library.
/// </summary>
internal static class ProtobufRewriter
{
    private const int VarintType = 0, Fixed64Type = 1, LengthType = 2, Fixed32Type = 5;

    /// <summary>The new payload of a length-delimited field, or null to keep it; occurrence counts that field's earlier copies.</summary>
    public delegate byte[]? FieldEditor(int field, int occurrence, ReadOnlySpan<byte> payload);

    public static byte[] Rewrite(ReadOnlySpan<byte> message, FieldEditor edit)
    {
        var output = new ArrayBufferWriter<byte>(message.Length + 64);
        var occurrences = new Dictionary<int, int>();
        var position = 0;
        while (position < message.Length)
        {
            var start = position;
            var key = ReadVarint(message, ref position);
            var field = (int)(key >> 3);
            var payload = SkipValue(message, (int)(key & 7), ref position);
            if (payload is { } range)
            {
                occurrences[field] = occurrences.GetValueOrDefault(field) + 1;
                var replacement = edit(field, occurrences[field] - 1, message[range]);
                if (replacement is not null)
                {
                    WriteVarint(output, key);
                    WriteVarint(output, (ulong)replacement.Length);
                    output.Write(replacement);
                    continue;
                }
            }
            output.Write(message[start..position]);
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A length-delimited field holding one string, e.g. TensorShapeProto.Dimension.dim_param.</summary>
    public static byte[] StringField(int field, string value)
    {
        var output = new ArrayBufferWriter<byte>();
        WriteVarint(output, (ulong)(field << 3 | LengthType));
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        WriteVarint(output, (ulong)bytes.Length);
        output.Write(bytes);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Moves past one value; returns the payload's range when the value is length-delimited.</summary>
    private static Range? SkipValue(ReadOnlySpan<byte> message, int wireType, ref int position)
    {
        switch (wireType)
        {
            case VarintType:
                ReadVarint(message, ref position);
                return null;
            case Fixed64Type:
                position = Advance(message, position, 8);
                return null;
            case Fixed32Type:
                position = Advance(message, position, 4);
                return null;
            case LengthType:
                var length = ReadVarint(message, ref position);
                if (length > int.MaxValue) throw Malformed(position, $"field length {length}");
                var start = position;
                position = Advance(message, position, (int)length);
                return start..position;
            default:
                throw Malformed(position, $"unsupported wire type {wireType}");
        }
    }

    private static int Advance(ReadOnlySpan<byte> message, int position, int length) =>
        length <= message.Length - position ? position + length : throw Malformed(position, $"{length} bytes run past the end");

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= message.Length) throw Malformed(position, "a number runs past the end");
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw Malformed(position, "a number longer than 10 bytes");
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var length = 0;
        for (; value >= 0x80; value >>= 7) span[length++] = (byte)(value | 0x80);
        span[length++] = (byte)value;
        output.Advance(length);
    }

    private static InvalidDataException Malformed(int position, string problem) =>
        new($"not a valid protobuf message at byte {position}: {problem}");
}
