namespace StatService.Disclosure;

/// <summary>What the secondary suppression may decide about a cell.</summary>
public enum CellRole : byte
{
    /// <summary>May be suppressed as a complement.</summary>
    Candidate,

    /// <summary>Sensitive by itself: always suppressed.</summary>
    Primary,

    /// <summary>
    /// A published zero. Hiding it would be pointless and wrong: an attacker takes every
    /// suppressed cell to be at least 1, so the true table would no longer fit the published one.
    /// </summary>
    AlwaysPublished,
}
