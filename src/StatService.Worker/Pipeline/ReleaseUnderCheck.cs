using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Worker.Pipeline;

/// <summary>
/// A release about to be checked: its order, product and extract version, its tables (true counts or sums, with each inner
/// cell's persons or contributors), its policy, and for sums the quantity summed (<see cref="Core.Ledger.MeasureContext"/>).
/// </summary>
public sealed record ReleaseUnderCheck(Guid OrderId, string Product, string ExtractVersion, IReadOnlyList<CountTable> Tables, DisclosurePolicy Policy)
{
    /// <summary>Empty for counts of persons.</summary>
    public string Context { get; init; } = string.Empty;
}
