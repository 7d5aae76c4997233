namespace StatService.Core.Tables;

/// <summary>One code of a dimension. <see cref="Parent"/> is null only for the root (<c>total</c>).</summary>
public sealed record DimensionCode(string Code, string Label, string? Parent);
