using System.Text;

namespace TumorWeb.Pipeline.Training.Torch;

/// <summary>Finds the symbol versions a library names, as the strings of its version definitions.</summary>
internal static class VersionScan
{
    /// <summary>The highest "PREFIXa.b.c" string in <paramref name="library"/>, compared number by number; null when there is none.</summary>
    public static string? Highest(ReadOnlySpan<byte> library, string prefix)
    {
        var marker = Encoding.ASCII.GetBytes(prefix);
        string? highest = null;
        for (var at = library.IndexOf(marker); at >= 0; at = NextMatch(library, marker, at))
        {
            var number = VersionNumberAfter(library[(at + marker.Length)..]);
            if (number.Length > 0 && (highest is null || Compare(number, highest[prefix.Length..]) > 0))
                highest = prefix + number;
        }
        return highest;
    }

    private static int NextMatch(ReadOnlySpan<byte> library, byte[] marker, int previous)
    {
        var next = library[(previous + 1)..].IndexOf(marker);
        return next < 0 ? -1 : previous + 1 + next;
    }

    private static string VersionNumberAfter(ReadOnlySpan<byte> rest)
    {
        var length = 0;
        while (length < rest.Length && (char.IsAsciiDigit((char)rest[length]) || rest[length] == '.')) length++;
        var terminated = length < rest.Length && rest[length] == 0;
        var number = Encoding.ASCII.GetString(rest[..length]);
        return terminated && number.Split('.').All(part => part.Length > 0) ? number : "";
    }

    private static int Compare(string left, string right)
    {
        var a = left.Split('.').Select(int.Parse).ToArray();
        var b = right.Split('.').Select(int.Parse).ToArray();
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return a.Length.CompareTo(b.Length);
    }
}
