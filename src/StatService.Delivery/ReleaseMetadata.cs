namespace StatService.Delivery;

/// <summary>What a deliverable says about where its numbers come from.</summary>
public sealed record ReleaseMetadata(Guid OrderId, string Product, string ParametersJson, string ExtractVersion, string Measure, DateTimeOffset CreatedAt);
