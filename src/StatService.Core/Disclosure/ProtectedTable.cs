using StatService.Core.Tables;

namespace StatService.Core.Disclosure;

/// <summary>A table after disclosure control: the only form in which numbers leave the worker.</summary>
public sealed record ProtectedTable(CountTable Table, CellStatus[] Status)
{
    /// <summary>The value a requester may see, or null where the cell is suppressed.</summary>
    public long? PublishedValue(int cellIndex) =>
        Status[cellIndex] == CellStatus.Published ? Table.Values[cellIndex] : null;

    public int SuppressedCount => Status.Count(s => s == CellStatus.Suppressed);
}
