using System.Net.Mail;
using System.Text.Json;
using StatService.Api.Http;
using StatService.Core.Notifications;

namespace StatService.Api.Orders;

/// <summary>
/// The parts of an order body beside the specification (<c>product</c>, <c>parameters</c>): purpose, contact and
/// callback URL. They are read here; the specification alone goes to the product validator.
/// </summary>
public sealed record OrderFields(string? Purpose, string? ContactName, string? ContactEmail, string? ContactOrganisation, string? CallbackUrl)
{
    public const int MaxPurposeLength = 4000;
    public const int MaxNameLength = 200;

    /// <summary>The body without the fields listed, as the validator expects it (product and parameters).</summary>
    public static JsonElement Specification(JsonElement body, IReadOnlyCollection<string> without) =>
        body.ValueKind != JsonValueKind.Object
            ? body
            : JsonSerializer.SerializeToElement(body.EnumerateObject()
                .Where(p => !without.Contains(p.Name))
                .ToDictionary(p => p.Name, p => p.Value));

    /// <summary>Reads purpose, contact and callback URL; <paramref name="required"/> (the web form) makes purpose, name and e-mail mandatory.</summary>
    public static OrderFields Read(JsonElement body, Dictionary<string, string[]> errors, bool required, bool allowLoopbackCallbacks)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new OrderFields(null, null, null, null, null);
        }

        var purpose = Text(body, "purpose", "purpose", MaxPurposeLength, required, errors, multiline: true);
        string? name = null, email = null, organisation = null;
        if (body.TryGetProperty("contact", out var contact) && contact.ValueKind == JsonValueKind.Object)
        {
            name = Text(contact, "name", "contact.name", MaxNameLength, required, errors);
            email = Text(contact, "email", "contact.email", 254, required, errors);
            organisation = Text(contact, "organisation", "contact.organisation", MaxNameLength, false, errors);
            if (email is not null && !(MailAddress.TryCreate(email, out var address) && address.Address == email))
            {
                errors["contact.email"] = ["Not an e-mail address."];
                email = null;
            }
        }
        else if (body.TryGetProperty("contact", out contact) && contact.ValueKind != JsonValueKind.Null)
        {
            errors["contact"] = ["Must be an object: {\"name\": ..., \"email\": ...}."];
        }
        else if (required)
        {
            errors["contact"] = ["Required: {\"name\": ..., \"email\": ...}."];
        }

        var callback = Text(body, "callbackUrl", "callbackUrl", 2000, false, errors);
        if (callback is not null && !CallbackUrlPolicy.IsAllowed(callback, allowLoopbackCallbacks, out var reason))
        {
            errors["callbackUrl"] = [reason];
            callback = null;
        }

        return new OrderFields(purpose, name, email, organisation, callback);
    }

    private static string? Text(
        JsonElement parent, string property, string path, int maxLength, bool required, Dictionary<string, string[]> errors, bool multiline = false)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors[path] = ["Required."];
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[path] = ["Must be a string."];
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors[path] = ["Required: must not be empty."];
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors[path] = [$"At most {maxLength} characters."];
            return null;
        }

        if (ControlCharacters.Problem(text, multiline) is { } problem)
        {
            errors[path] = [problem];
            return null;
        }

        return text;
    }
}
