using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using StatService.Api.Http;
using StatService.Core.Localization;

namespace StatService.Api.Orders;

/// <summary>An order body as received: its bytes (for the idempotency hash) and its JSON, or the problem with it.</summary>
public sealed record OrderBody(byte[] Bytes, JsonDocument Json) : IDisposable
{
    /// <summary>Orders are small: parameters and codes, never data.</summary>
    public const long MaxBytes = 64 * 1024;

    public static async Task<(OrderBody? Body, ValidationProblem? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem("Send the order as JSON, with the header 'Content-Type: application/json'.", RequestLanguage.Of(request)));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        try
        {
            return (new OrderBody(bytes, JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 })), null);
        }
        catch (JsonException malformed)
        {
            var line = malformed.LineNumber + 1;
            var position = malformed.BytePositionInLine + 1;
            return (null, Problem($"The body is not valid JSON (line {line}, position {position}).", RequestLanguage.Of(request)));
        }
    }

    public static ValidationProblem Problem(string message, string language = Texts.English) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["body"] = [ErrorTexts.Translate(message, language)] },
        Texts.Get(language, "problem.bodyUnread"),
        title: Texts.Get(language, "problem.orderInvalid"));

    public void Dispose() => Json.Dispose();
}
