namespace StatService.Core.Disclosure;

public enum InformationLoss
{
    /// <summary>Suppress as few cells as possible.</summary>
    CellCount,

    /// <summary>Suppress as little of the total as possible.</summary>
    CellValue,
}
