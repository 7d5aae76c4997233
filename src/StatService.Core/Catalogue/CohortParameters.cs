namespace StatService.Core.Catalogue;

/// <summary>
/// The validated parameters of a cohort order (the documented <c>patient-count</c> body).
/// Codes are upper-case prefixes known to the code lists; dates lie inside the extract.
/// </summary>
public sealed record CohortParameters
{
    public required CodeCriteria Diagnoses { get; init; }

    public required MedicationCriteria Medications { get; init; }

    public required Period Period { get; init; }

    public required DateOnly IndexDate { get; init; }

    public required AgeRange Age { get; init; }

    /// <summary><c>male</c>, <c>female</c> or null for both.</summary>
    public string? Sex { get; init; }

    /// <summary>Region codes (1081-1085); empty for the whole country.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>The table's dimensions in the order requested.</summary>
    public required IReadOnlyList<string> Breakdown { get; init; }
}

public sealed record CodeCriteria(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude);

public sealed record MedicationCriteria(IReadOnlyList<string> Include);

public sealed record Period(DateOnly From, DateOnly To);

public sealed record AgeRange(int? Min, int? Max);
