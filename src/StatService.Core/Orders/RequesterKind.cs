namespace StatService.Core.Orders;

/// <summary>Who an API key belongs to; caseworkers at the authority review orders and may see every order.</summary>
public enum RequesterKind
{
    Company,
    PatientAssociation,
    Journalist,
    Researcher,
    Caseworker,
}
