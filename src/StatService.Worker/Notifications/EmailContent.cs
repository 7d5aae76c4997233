using System.Text;
using System.Text.Json;

namespace StatService.Worker.Notifications;

/// <summary>
/// A status-change e-mail: plain text in the order's language (<c>da</c> or <c>en</c>), or Danish then English
/// when the order has none. Stored in the outbox as JSON so every retry sends the same words.
/// </summary>
internal sealed record EmailContent(string Subject, string Text)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static EmailContent For(StatusChange change, NotificationLinks links)
    {
        var danish = change.Language is null or "da";
        var english = change.Language is null or "en";
        var text = new StringBuilder();
        if (danish && english)
        {
            text.AppendLine("(English below)").AppendLine();
        }

        if (danish)
        {
            AppendDanish(text, change, links);
        }

        if (danish && english)
        {
            text.AppendLine();
        }

        if (english)
        {
            AppendEnglish(text, change, links);
        }

        var shortId = change.OrderId.ToString()[..8];
        var subject = (danish, english) switch
        {
            (true, false) => $"StatService: bestilling {shortId} er {StatusNames.Danish(change.To)}",
            (false, true) => $"StatService: order {shortId} is {StatusNames.English(change.To)}",
            _ => $"StatService: bestilling {shortId} er {StatusNames.Danish(change.To)} / order is {StatusNames.English(change.To)}",
        };
        return new EmailContent(subject, text.ToString());
    }

    private static void AppendDanish(StringBuilder text, StatusChange change, NotificationLinks links)
    {
        text.AppendLine($"Din bestilling {change.OrderId} hos StatService er nu {StatusNames.Danish(change.To)}.");
        if (change.Reason is { Length: > 0 })
        {
            text.AppendLine($"Begrundelse: {change.Reason}");
        }

        if (change.PlacedThroughForm)
        {
            text.AppendLine("Følg bestillingen med det statuslink, du fik, da du bestilte. Af hensyn til sikkerheden")
                .AppendLine($"sender vi ikke linket med e-mail. Statussiden: {links.StatusPage()}");
        }
        else
        {
            text.AppendLine($"Status (med jeres API-nøgle): {links.Order(change.OrderId)}");
        }

        text.AppendLine("Denne e-mail er sendt automatisk; svar på den bliver ikke læst.");
    }

    private static void AppendEnglish(StringBuilder text, StatusChange change, NotificationLinks links)
    {
        text.AppendLine($"Your StatService order {change.OrderId} is now {StatusNames.English(change.To)}.");
        if (change.Reason is { Length: > 0 })
        {
            text.AppendLine($"Reason: {change.Reason}");
        }

        if (change.PlacedThroughForm)
        {
            text.AppendLine("Follow the order with the status link you were given when you ordered. For your safety")
                .AppendLine($"the link is never sent by e-mail. The status page: {links.StatusPage()}");
        }
        else
        {
            text.AppendLine($"Status (with your API key): {links.Order(change.OrderId)}");
        }

        text.AppendLine("This e-mail was sent automatically; replies are not read.");
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EmailContent FromJson(string json) =>
        JsonSerializer.Deserialize<EmailContent>(json, Json) ?? throw new JsonException("An empty e-mail payload.");
}
