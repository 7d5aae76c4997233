namespace StatService.Delivery;

/// <summary>What a deliverable says in words that the release JSON does not hold: the cohort definition and the product's title.</summary>
public sealed record ReleaseWording(string? Definition, string? ProductTitle);
