using StatService.Core.OrderSpec;
using StatService.Core.Tables;

namespace StatService.Worker.Pipeline;

/// <summary>The order's tables, and those of the attribute relaxations its query counted in the same pass (may be none).</summary>
public sealed record QueriedTables(
    IReadOnlyList<CountTable> Order, IReadOnlyList<(CohortRelaxation Relaxation, IReadOnlyList<CountTable> Tables)> Variants);
