namespace StatService.Disclosure;

public enum AuditDepth
{
    /// <summary>
    /// Decide protected or not for every suppressed cell, skipping the linear programs of cells that
    /// feasible tables already met during the audit show to be protected.
    /// </summary>
    Verify,

    /// <summary>Also compute the exact lower and upper bound of every suppressed cell, for the report.</summary>
    ExactBounds,
}
