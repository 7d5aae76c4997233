using System.Security.Claims;
using StatService.Core.Orders;

namespace StatService.Api.Auth;

/// <summary>The caller, as the API key handler established it.</summary>
public sealed record Requester(string Id, RequesterKind Kind)
{
    public const string KindClaim = "statservice:requester_kind";

    /// <summary>The authorization policy of the review and requester endpoints.</summary>
    public const string CaseworkerPolicy = "caseworker";

    public bool IsCaseworker => Kind == RequesterKind.Caseworker;

    /// <summary>Requesters see their own orders; caseworkers at the authority see every order.</summary>
    public bool CanSee(Order order) => IsCaseworker || string.Equals(order.RequesterId, Id, StringComparison.Ordinal);

    /// <summary>How this caller is named in an order's history.</summary>
    public string Actor => IsCaseworker ? CaseworkerActor.Prefix + Id : Id;

    public static Requester From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not authenticated."),
        Enum.Parse<RequesterKind>(user.FindFirstValue(KindClaim) ?? nameof(RequesterKind.Company)));

    public ClaimsPrincipal ToPrincipal(string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, Id), new Claim(ClaimTypes.Name, Id), new Claim(KindClaim, Kind.ToString())],
        scheme));
}

/// <summary>Caseworkers appear in history as <c>caseworker:&lt;id&gt;</c>; requesters read only "caseworker".</summary>
public static class CaseworkerActor
{
    public const string Prefix = "caseworker:";

    public static string ShownTo(string actor, bool viewerIsCaseworker) =>
        !viewerIsCaseworker && actor.StartsWith(Prefix, StringComparison.Ordinal) ? "caseworker" : actor;
}
