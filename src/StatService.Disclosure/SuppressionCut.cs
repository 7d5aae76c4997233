namespace StatService.Disclosure;

/// <summary>
/// A condition every safe pattern meets: whenever <see cref="Guard"/> is suppressed, the weights of
/// the suppressed cells among <see cref="Cells"/> add up to at least <see cref="Required"/>
/// (problem cell indices, ascending, with positive weights of the same order).
/// </summary>
public sealed record SuppressionCut(int Guard, IReadOnlyList<int> Cells, IReadOnlyList<int> Weights, int Required)
{
    /// <summary>How much of <see cref="Required"/> the suppressed cells among <see cref="Cells"/> still leave unmet.</summary>
    public long Deficit(ReadOnlySpan<bool> suppressed)
    {
        var sum = 0L;
        for (var i = 0; i < Cells.Count; i++)
        {
            sum += suppressed[Cells[i]] ? Weights[i] : 0;
        }

        return Required - sum;
    }
}
