using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

/// <summary>Cell masks drawn as text: '#' is set, '.' is not, one string per row.</summary>
internal static class CellMasks
{
    public static CellMask Parse(params string[] rows)
    {
        var mask = new CellMask(rows[0].Length, rows.Length);
        for (var y = 0; y < rows.Length; y++)
        for (var x = 0; x < rows[y].Length; x++)
            mask[x, y] = rows[y][x] == '#';
        return mask;
    }

    public static string[] Draw(CellMask mask) =>
        Enumerable.Range(0, mask.Height)
            .Select(y => new string(Enumerable.Range(0, mask.Width).Select(x => mask[x, y] ? '#' : '.').ToArray()))
            .ToArray();
}
