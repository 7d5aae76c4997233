namespace StatService.TestSupport.Attacks;

/// <summary>
/// One cell of a delivered release as its reader sees it (the interval its published value allows, or the bounds a hidden
/// cell is known to keep), with the persons it counts, recomputed from the raw registers.
/// </summary>
public sealed record ReleaseCell(
    string Release,
    string Table,
    IReadOnlyDictionary<string, string> Coordinates,
    bool Hidden,
    double Low,
    double High,
    long? Published,
    IReadOnlySet<string> Persons)
{
    public string Describe() =>
        $"{Release} {Table} [{string.Join(", ", Coordinates.Select(c => $"{c.Key}={c.Value}"))}] " +
        (Hidden ? "hidden" : Low == High ? $"= {Published}" : $"published {Published} (in {Low}-{High})");
}
