namespace StatService.Disclosure;

/// <summary>
/// A condition every safe pattern meets: whenever <see cref="Guard"/> is suppressed, at least
/// <see cref="MinSuppressed"/> of <see cref="Cells"/> are suppressed too (problem cell indices, ascending).
/// </summary>
public sealed record SuppressionCut(int Guard, IReadOnlyList<int> Cells, int MinSuppressed = 1);
