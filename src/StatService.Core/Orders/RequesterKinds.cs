using System.Text.Json;

namespace StatService.Core.Orders;

/// <summary>Requester kinds as written in JSON, configuration and the CLI: <c>company</c>, <c>patient_association</c>, ...</summary>
public static class RequesterKinds
{
    public static string Code(RequesterKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>The kinds an outside requester can be (everyone but the authority's caseworkers).</summary>
    public static IReadOnlyList<RequesterKind> Outside { get; } =
        [RequesterKind.Company, RequesterKind.PatientAssociation, RequesterKind.Journalist, RequesterKind.Researcher];

    public static string Codes(IEnumerable<RequesterKind> kinds) => string.Join(", ", kinds.Select(Code));

    /// <summary>Accepts the snake_case code or the enum name, in any case; "association" stays accepted (older settings).</summary>
    public static bool TryParse(string? text, out RequesterKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalised = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (normalised.Equals("association", StringComparison.OrdinalIgnoreCase))
        {
            kind = RequesterKind.PatientAssociation;
            return true;
        }

        return Enum.TryParse(normalised, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(normalised, out _);
    }
}
