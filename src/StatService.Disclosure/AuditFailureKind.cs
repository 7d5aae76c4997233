namespace StatService.Disclosure;

public enum AuditFailureKind
{
    /// <summary>The published cells leave the suppressed cell only one possible count.</summary>
    Pinned,

    /// <summary>The published cells prove the suppressed cell is below the threshold.</summary>
    BelowThreshold,

    /// <summary>The holder of a suppressed singleton could recompute another suppressed cell of a relation.</summary>
    SingletonExposed,

    /// <summary>The interval does not reach the policy's protection level on one side.</summary>
    TooNarrow,
}
