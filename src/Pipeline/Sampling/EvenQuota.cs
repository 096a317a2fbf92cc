namespace TumorWeb.Pipeline.Sampling;

public static class EvenQuota
{
    /// <summary>
    /// Splits <paramref name="needed"/> as evenly as possible over slides with the given
    /// capacities. A slide that cannot give its share gives all it has and the others make up
    /// the difference, so the total reaches <paramref name="needed"/> whenever the capacities allow.
    /// Leftover units go to the earliest slides.
    /// </summary>
    public static int[] Split(int needed, IReadOnlyList<int> capacities)
    {
        var quotas = new int[capacities.Count];
        var open = Enumerable.Range(0, capacities.Count).Where(i => capacities[i] > 0).ToList();
        var left = Math.Max(0, needed);
        while (left > 0 && open.Count > 0)
        {
            var share = left / open.Count;
            var extra = left % open.Count;
            for (var k = 0; k < open.Count; k++)
            {
                var i = open[k];
                var give = Math.Min(share + (k < extra ? 1 : 0), capacities[i] - quotas[i]);
                quotas[i] += give;
                left -= give;
            }
            open.RemoveAll(i => quotas[i] >= capacities[i]);
        }
        return quotas;
    }
}
