namespace StatService.Core.Orders;

/// <summary>Who an API key belongs to; caseworkers at the authority may see every order.</summary>
public enum RequesterKind
{
    Company,
    Association,
    Journalist,
    Researcher,
    Caseworker,
}
