namespace StatService.Disclosure;

/// <summary>A pattern for one problem that passed its final audit, and how it was found.</summary>
public sealed record ProtectedPattern(
    bool[] Suppressed,
    CellRole[] Roles,
    AuditResult Audit,
    int Iterations,
    int Cuts,
    bool Optimal,
    bool UsedFallback);
