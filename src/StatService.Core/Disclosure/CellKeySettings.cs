namespace StatService.Core.Disclosure;

/// <summary>
/// Cell-key perturbation: each person has a fixed record key; a cell's key is the sum of its persons' keys
/// modulo 1, and the noise added to the cell is a function of that key alone, at most <see cref="MaxNoise"/>
/// in either direction. Counts below <see cref="SmallCountThreshold"/> are shown as suppressed.
/// </summary>
public sealed record CellKeySettings(int MaxNoise, double Variance, int SmallCountThreshold)
{
    public static CellKeySettings Default { get; } = new(2, 1.0, 5);
}
