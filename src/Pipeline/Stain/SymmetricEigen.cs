namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Eigenvalues and unit eigenvectors of a symmetric 3 x 3 matrix by Jacobi rotations, largest
/// eigenvalue first: the plane of the two largest is the plane Macenko's stains lie in.
/// </summary>
public static class SymmetricEigen
{
    public static (double[] Values, StainVector[] Vectors) Of(Matrix3 symmetric)
    {
        var a = new double[3, 3];
        var v = new double[3, 3] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            a[i, j] = symmetric[i, j];
        for (var sweep = 0; sweep < 50 && OffDiagonal(a) > 1e-24; sweep++)
        for (var p = 0; p < 2; p++)
        for (var q = p + 1; q < 3; q++)
            Rotate(a, v, p, q);
        var order = Enumerable.Range(0, 3).OrderByDescending(i => a[i, i]).ToArray();
        return (order.Select(i => a[i, i]).ToArray(), order.Select(i => new StainVector(v[0, i], v[1, i], v[2, i])).ToArray());
    }

    private static double OffDiagonal(double[,] a) => a[0, 1] * a[0, 1] + a[0, 2] * a[0, 2] + a[1, 2] * a[1, 2];

    private static void Rotate(double[,] a, double[,] v, int p, int q)
    {
        if (Math.Abs(a[p, q]) < 1e-300) return;
        var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
        var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        var c = 1 / Math.Sqrt(t * t + 1);
        var s = t * c;
        for (var k = 0; k < 3; k++)
        {
            var akp = a[k, p];
            var akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }
        for (var k = 0; k < 3; k++)
        {
            var apk = a[p, k];
            var aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }
        for (var k = 0; k < 3; k++)
        {
            var vkp = v[k, p];
            var vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
