using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatService.Worker.Notifications;

/// <summary>
/// The JSON body of a status-change webhook. Statuses, times and links only: never parameters, result numbers
/// or personal data.
/// </summary>
internal sealed record WebhookPayload(
    string Id,
    string Type,
    long Sequence,
    Guid OrderId,
    WebhookPayload.StatusMove Status,
    DateTimeOffset At,
    string? Reason,
    IReadOnlyDictionary<string, string> Links)
{
    public const string StatusChangedType = "order.status_changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public sealed record StatusMove(string? From, string To);

    public static WebhookPayload For(StatusChange change, NotificationLinks links)
    {
        var linkSet = new Dictionary<string, string> { ["order"] = links.Order(change.OrderId) };
        if (change.To == "delivered")
        {
            linkSet["result"] = links.Result(change.OrderId);
        }

        return new WebhookPayload(
            change.EventId, StatusChangedType, change.Sequence, change.OrderId,
            new StatusMove(change.From, change.To), change.At.ToUniversalTime(), change.Reason, linkSet);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
