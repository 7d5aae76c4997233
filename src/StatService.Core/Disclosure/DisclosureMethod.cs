namespace StatService.Core.Disclosure;

public enum DisclosureMethod
{
    /// <summary>Primary and secondary cell suppression, audited by linear programming.</summary>
    Suppression,

    /// <summary>Redact small counts, round the rest to a base, margins from rounded cells (OpenSAFELY style).</summary>
    Rounding,

    /// <summary>Cell-key perturbation: the same persons always get the same noise (ONS, ABS TableBuilder).</summary>
    CellKey,
}
