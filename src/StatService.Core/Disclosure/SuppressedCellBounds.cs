namespace StatService.Core.Disclosure;

/// <summary>
/// What an attacker can infer about one suppressed cell from the published cells of a release:
/// the smallest and largest whole count it can have. <see cref="Upper"/> is null when the
/// published cells put no useful ceiling on it.
/// </summary>
public sealed record SuppressedCellBounds(int Table, int Cell, long Lower, long? Upper);
