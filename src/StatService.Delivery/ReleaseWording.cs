namespace StatService.Delivery;

/// <summary>
/// What a deliverable says in words that the release JSON does not hold: the cohort definition, the product's title
/// and the notes the reader must bear in mind (such as new cases in years without look-back).
/// </summary>
public sealed record ReleaseWording(string? Definition, string? ProductTitle)
{
    public IReadOnlyList<string> Notes { get; init; } = [];
}
