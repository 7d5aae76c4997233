namespace StatService.Core.Tables;

/// <summary>What a requester sees of a cell: primary and secondary suppressions look the same.</summary>
public enum CellStatus
{
    Published,
    Suppressed,
}
