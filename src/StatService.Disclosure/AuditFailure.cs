namespace StatService.Disclosure;

/// <summary>
/// A suppressed cell the attacker wins against, with the bounds the attacker reaches and a cut that
/// every repaired pattern must satisfy. Holds confidential values: never part of a release.
/// </summary>
public sealed record AuditFailure(int Cell, AuditFailureKind Kind, double Lower, double Upper, SuppressionCut Cut);
