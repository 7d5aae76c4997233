using StatService.Core.Orders;

namespace StatService.Api.Auth;

/// <summary>The <c>Auth</c> section: who may call the API, one entry per key.</summary>
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

    public RequesterKind Kind { get; set; }
}
