namespace TumorWeb.Pipeline.Stain;

/// <summary>A 3 x 3 matrix of doubles, row-major: the colour maths need products, an inverse and little else.</summary>
public sealed class Matrix3
{
    private readonly double[] _m;

    public Matrix3(params double[] rowMajor)
    {
        if (rowMajor.Length != 9) throw new ArgumentException($"a 3 x 3 matrix needs 9 values, got {rowMajor.Length}");
        _m = (double[])rowMajor.Clone();
    }

    public double this[int row, int column] => _m[3 * row + column];

    public static Matrix3 Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public static Matrix3 Diagonal(double a, double b, double c) => new(a, 0, 0, 0, b, 0, 0, 0, c);

    /// <summary>The matrix whose columns are <paramref name="a"/>, <paramref name="b"/> and <paramref name="c"/>.</summary>
    public static Matrix3 FromColumns(StainVector a, StainVector b, StainVector c) => new(a.R, b.R, c.R, a.G, b.G, c.G, a.B, b.B, c.B);

    public StainVector Column(int column) => new(this[0, column], this[1, column], this[2, column]);

    public static Matrix3 operator *(Matrix3 left, Matrix3 right)
    {
        var product = new double[9];
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            product[3 * i + j] = left[i, 0] * right[0, j] + left[i, 1] * right[1, j] + left[i, 2] * right[2, j];
        return new Matrix3(product);
    }

    public StainVector Times(StainVector v) =>
        new(this[0, 0] * v.R + this[0, 1] * v.G + this[0, 2] * v.B,
            this[1, 0] * v.R + this[1, 1] * v.G + this[1, 2] * v.B,
            this[2, 0] * v.R + this[2, 1] * v.G + this[2, 2] * v.B);

    public Matrix3 Transpose() => new(_m[0], _m[3], _m[6], _m[1], _m[4], _m[7], _m[2], _m[5], _m[8]);

    public double Determinant =>
        _m[0] * (_m[4] * _m[8] - _m[5] * _m[7]) - _m[1] * (_m[3] * _m[8] - _m[5] * _m[6]) + _m[2] * (_m[3] * _m[7] - _m[4] * _m[6]);

    public Matrix3 Inverse()
    {
        var det = Determinant;
        if (Math.Abs(det) < 1e-12) throw new ArgumentException("the stain matrix is singular: two stains have the same colour");
        return new Matrix3(
            (_m[4] * _m[8] - _m[5] * _m[7]) / det, (_m[2] * _m[7] - _m[1] * _m[8]) / det, (_m[1] * _m[5] - _m[2] * _m[4]) / det,
            (_m[5] * _m[6] - _m[3] * _m[8]) / det, (_m[0] * _m[8] - _m[2] * _m[6]) / det, (_m[2] * _m[3] - _m[0] * _m[5]) / det,
            (_m[3] * _m[7] - _m[4] * _m[6]) / det, (_m[1] * _m[6] - _m[0] * _m[7]) / det, (_m[0] * _m[4] - _m[1] * _m[3]) / det);
    }
}
