namespace TumorWeb.Pipeline.Mining;

/// <summary>
/// Keeps the <see cref="Top"/> highest-scoring cells seen so far, in memory for K cells whatever the
/// number of candidates. Ties go to the slide first by name, then the cell first in row order, so
/// the same scores always select the same cells.
/// </summary>
public sealed class HardNegativeSelection
{
    private readonly PriorityQueue<ScoredCell, ScoredCell> _kept;

    public HardNegativeSelection(int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        Top = top;
        // The queue's head is the weakest cell kept: the one a better candidate pushes out.
        _kept = new PriorityQueue<ScoredCell, ScoredCell>(Comparer<ScoredCell>.Create((a, b) => Compare(b, a)));
    }

    public int Top { get; }

    /// <summary>Candidates offered so far.</summary>
    public long Offered { get; private set; }

    public void Add(ScoredCell cell)
    {
        Offered++;
        if (_kept.Count < Top) _kept.Enqueue(cell, cell);
        else if (Compare(cell, _kept.Peek()) < 0) _kept.EnqueueDequeue(cell, cell);
    }

    /// <summary>The kept cells, best first.</summary>
    public List<ScoredCell> Best()
    {
        var cells = _kept.UnorderedItems.Select(item => item.Element).ToList();
        cells.Sort(Compare);
        return cells;
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>: higher score, then slide name, row, column.</summary>
    public static int Compare(ScoredCell a, ScoredCell b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0) return byScore;
        var bySlide = string.CompareOrdinal(a.Slide, b.Slide);
        if (bySlide != 0) return bySlide;
        return a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X);
    }
}
