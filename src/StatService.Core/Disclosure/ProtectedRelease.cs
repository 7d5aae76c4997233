namespace StatService.Core.Disclosure;

/// <summary>All tables of one release, protected together, with the audit outcome.</summary>
public sealed record ProtectedRelease(IReadOnlyList<ProtectedTable> Tables, DisclosureSummary Summary);
