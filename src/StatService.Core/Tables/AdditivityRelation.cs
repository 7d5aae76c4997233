namespace StatService.Core.Tables;

/// <summary>Cell <see cref="Total"/> equals the sum of the cells in <see cref="Parts"/>.</summary>
public sealed record AdditivityRelation(int Total, IReadOnlyList<int> Parts);
