using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Worker.Pipeline;

/// <summary>A release about to be checked: its order, product and extract version, its tables (true counts, with each inner cell's persons), and its policy.</summary>
public sealed record ReleaseUnderCheck(Guid OrderId, string Product, string ExtractVersion, IReadOnlyList<CountTable> Tables, DisclosurePolicy Policy);
