namespace StatService.Api.Auth;

/// <summary>
/// The <c>Auth</c> section: API keys given in configuration, one entry per key. Meant for the demo keys of the
/// embedded default; real requesters get hashed keys issued by a caseworker (<c>POST /api/requesters</c>).
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}

/// <summary>One API key and the requester it stands for.</summary>
public sealed class ApiKeyEntry
{
    public string Key { get; set; } = string.Empty;

    public string Requester { get; set; } = string.Empty;

    /// <summary>company, patient_association, journalist, researcher or caseworker.</summary>
    public string Kind { get; set; } = string.Empty;
}
