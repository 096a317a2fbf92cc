using System.Globalization;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>Parses a slide size written as WIDTHxHEIGHT, e.g. <c>4096x4096</c>.</summary>
public static class SynthSize
{
    public static (int Width, int Height) Parse(string text)
    {
        var parts = (text ?? "").Trim().Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
            return (width, height);
        throw new FormatException($"size '{text}' is not WIDTHxHEIGHT (for example 4096x4096)");
    }
}
