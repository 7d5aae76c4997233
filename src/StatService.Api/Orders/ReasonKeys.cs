using StatService.Worker.Orders;
using StatService.Worker.Pipeline;

namespace StatService.Api.Orders;

/// <summary>
/// The reasons the service itself writes (not a caseworker's words) as text keys, so the pages show them in the reader's
/// language; the stored reason stays the English text the API has always returned.
/// </summary>
public static class ReasonKeys
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        [OrderRunner.InternalErrorReason] = "reason.internalError",
        [ReleaseLedgerCheck.RejectionReason] = "reason.ledgerRefused",
        [ReleaseLedgerCheck.NarrowedNote] = "reason.ledgerNarrowed",
        [ReleaseLedgerCheck.WorkLimitReason] = "reason.ledgerWorkLimit",
    };

    /// <summary>Every reason the service writes, with its text key.</summary>
    public static IReadOnlyDictionary<string, string> All => Known;

    /// <summary>The text key of a reason the service wrote, or null for anything else (shown as written).</summary>
    public static string? Of(string? reason) => reason is not null && Known.TryGetValue(reason, out var key) ? key : null;
}
