namespace StatService.Disclosure;

/// <summary>
/// The whole counts an attacker cannot rule out for a suppressed problem cell.
/// <see cref="Upper"/> is null when no ceiling exists below a generous cap (ten times the largest cell).
/// </summary>
public readonly record struct CellBounds(int Cell, long Lower, long? Upper);
