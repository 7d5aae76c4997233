namespace StatService.Core.Disclosure;

/// <summary>All tables of one release, protected together, with the audit outcome.</summary>
public sealed record ProtectedRelease(IReadOnlyList<ProtectedTable> Tables, DisclosureSummary Summary)
{
    /// <summary>The attacker's bounds for every suppressed cell, when the control computed them.</summary>
    public AuditReport? Audit { get; init; }
}
