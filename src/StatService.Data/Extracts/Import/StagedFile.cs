namespace StatService.Data.Extracts.Import;

/// <summary>
/// A delivered file made readable in the import database: <see cref="Relation"/> is a view (Parquet)
/// or a table (CSV, copied as text), <see cref="RowNumber"/> the SQL for a row's 1-based place in the
/// file, and <see cref="Columns"/> maps service column names to the delivered column and its type.
/// </summary>
internal sealed record StagedFile(
    DeliveryFile File,
    int Index,
    string Relation,
    string RowNumber,
    IReadOnlyDictionary<string, (string Delivered, string Type)> Columns);
