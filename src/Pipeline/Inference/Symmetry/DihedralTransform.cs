namespace TumorWeb.Pipeline.Inference.Symmetry;

/// <summary>
/// The eight symmetries of a square patch (the dihedral group D4): <see cref="QuarterTurns"/>
/// clockwise quarter turns, then, when <see cref="Mirrored"/>, a left-right mirror. Tissue has no
/// up or down, so a patch seen under any of them is still the same tissue.
/// </summary>
public readonly record struct DihedralTransform(int QuarterTurns, bool Mirrored)
{
    /// <summary>Transform <paramref name="index"/> of 8: 0-3 the rotations by 0/90/180/270 degrees clockwise, 4-7 the same then mirrored.</summary>
    public static DihedralTransform Of(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 7);
        return new DihedralTransform(index % 4, index >= 4);
    }

    /// <summary>
    /// Writes the transformed copy of a <paramref name="side"/> x <paramref name="side"/> RGB patch
    /// (rows of interleaved RGB) into <paramref name="destination"/>, which must not overlap the source.
    /// </summary>
    public void Apply(ReadOnlySpan<byte> source, Span<byte> destination, int side)
    {
        var bytes = checked(side * side * 3);
        if (source.Length != bytes || destination.Length != bytes)
            throw new ArgumentException($"a {side}x{side} RGB patch is {bytes} bytes (got {source.Length} in, {destination.Length} out)");
        for (var row = 0; row < side; row++)
        for (var column = 0; column < side; column++)
        {
            var (fromRow, fromColumn) = SourceOf(row, column, side);
            var (from, to) = ((fromRow * side + fromColumn) * 3, (row * side + column) * 3);
            destination[to] = source[from];
            destination[to + 1] = source[from + 1];
            destination[to + 2] = source[from + 2];
        }
    }

    /// <summary>The source pixel that lands at (row, column): undo the mirror, then undo the turns.</summary>
    private (int Row, int Column) SourceOf(int row, int column, int side)
    {
        var last = side - 1;
        if (Mirrored) column = last - column;
        return QuarterTurns switch
        {
            0 => (row, column),
            1 => (last - column, row),
            2 => (last - row, last - column),
            _ => (column, last - row),
        };
    }
}
