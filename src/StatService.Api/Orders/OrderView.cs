using System.Text.Json;
using StatService.Api.Auth;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>What a requester sees of an order: its life cycle and history, never who else ordered what.</summary>
public sealed record OrderView(
    Guid Id,
    string Product,
    OrderStatus Status,
    JsonElement Parameters,
    OrderChannel Channel,
    string? Purpose,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? CancelledAt,
    string? FailureReason,
    string? RejectionReason,
    decimal? PriceQuoteDkk,
    string? ReviewNote,
    long? EstimatedCells,
    int? QueuePosition,
    string? ExtractVersion,
    IReadOnlyList<HistoryView> History,
    OrderLinks Links)
{
    /// <summary>What the pages show in words, in both languages (the page may switch); null where not asked for.</summary>
    public OrderWordsView? Words { get; init; }

    /// <summary>The text key of <see cref="FailureReason"/> when the service wrote it (the pages show it in their language).</summary>
    public string? FailureReasonKey => ReasonKeys.Of(FailureReason);

    /// <summary>The text key of <see cref="RejectionReason"/> when the service wrote it.</summary>
    public string? RejectionReasonKey => ReasonKeys.Of(RejectionReason);

    /// <summary>The view of <paramref name="order"/> with its history and, while queued, its place in the queue.</summary>
    public static async Task<OrderView> BuildAsync(
        Order order, IOrderStore store, bool viewerIsCaseworker, OrderLinks links, CancellationToken cancellationToken)
    {
        var history = await store.GetHistoryAsync(order.Id, cancellationToken);
        var position = order.Status == OrderStatus.Queued ? await store.GetQueuePositionAsync(order, cancellationToken) : (int?)null;
        using var parameters = JsonDocument.Parse(order.ParametersJson);
        return new OrderView(
            order.Id,
            order.Product,
            order.Status,
            parameters.RootElement.Clone(),
            order.Channel,
            order.Purpose,
            order.SubmittedAt,
            order.ApprovedAt,
            order.QueuedAt,
            order.StartedAt,
            order.DeliveredAt,
            order.FailedAt,
            order.CancelledAt,
            order.FailureReason,
            order.RejectionReason,
            order.PriceQuoteDkk,
            order.ReviewNote,
            order.EstimatedCells,
            position,
            order.ExtractVersion,
            history.Select(entry => HistoryView.Of(entry, viewerIsCaseworker)).ToArray(),
            links);
    }
}

/// <summary>
/// The order's language (its pages open in it), the product's title, the cohort definition in words, the notes to
/// bear in mind (such as new cases in years without look-back) and the tables' layout in words, per language.
/// </summary>
public sealed record OrderWordsView(
    string Language,
    IReadOnlyDictionary<string, string> Product,
    IReadOnlyDictionary<string, string?> Definition,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Notes)
{
    /// <summary>Each table as it will be laid out ("Antal personer: 6 rækker (region) × 3 kolonner (køn)"), per language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tables { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public static OrderWordsView Of(Order order, Results.OrderWords words) => new(
        Results.OrderWords.LanguageOf(order),
        Core.Localization.Texts.Languages.ToDictionary(l => l, l => words.ProductTitle(order.Product, l)),
        Core.Localization.Texts.Languages.ToDictionary(l => l, l => words.Definition(order, l)),
        Core.Localization.Texts.Languages.ToDictionary(l => l, l => words.Notes(order, l)))
    {
        Tables = Core.Localization.Texts.Languages.ToDictionary(l => l, l => (IReadOnlyList<string>)words.Tables(order, l).Select(t => t.Text).ToArray()),
    };
}

/// <summary>One status change as shown: when, who, from which status to which, and why.</summary>
public sealed record HistoryView(DateTimeOffset At, string Actor, OrderStatus? From, OrderStatus To, string? Reason)
{
    /// <summary>The text key of <see cref="Reason"/> when the service wrote it (the pages show it in their language).</summary>
    public string? ReasonKey => ReasonKeys.Of(Reason);

    public static HistoryView Of(OrderHistoryEntry entry, bool viewerIsCaseworker) =>
        new(entry.At, CaseworkerActor.ShownTo(entry.Actor, viewerIsCaseworker), entry.From, entry.To, entry.Reason);
}
