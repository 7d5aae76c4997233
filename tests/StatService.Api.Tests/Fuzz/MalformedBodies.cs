using System.Text;
using System.Text.Json.Nodes;

namespace StatService.Api.Tests.Fuzz;

/// <summary>
/// A seeded generator of hostile bodies from a valid one: broken JSON, values of the wrong type, keys twice,
/// invalid UTF-8 and lone surrogates, control characters, other encodings, huge and deeply nested bodies, and
/// wrong content types. The same seed gives the same bodies, so a failure can be replayed.
/// </summary>
public sealed class MalformedBodies(string validBody, int seed)
{
    private static readonly string[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/problem+json"];

    private readonly Random _random = new(seed);

    public IEnumerable<FuzzBody> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next(i);
        }
    }

    private FuzzBody Next(int index)
    {
        var kind = _random.Next(12);
        var (description, bytes) = kind switch
        {
            0 => ("truncated", Truncate(Utf8(validBody))),
            1 => ("wrong type", Utf8(WithValue(RandomValue()))),
            2 => ("key twice", Utf8(WithDuplicateKey())),
            3 => ("invalid utf-8", InsertIntoString(Utf8(validBody), InvalidUtf8())),
            4 => ("lone surrogate", Utf8(WithValue(JsonText(Pick(["\\ud800", "x\\udfff", "\\udc00\\ud800", "\\ud83d"]))))),
            5 => ("control character", Utf8(WithValue(JsonText("a" + Pick(["\\u0000", "\\r\\n", "\\u001b[2J", "\\u0007", "\\t", "\\u007f", "\\u0085"]) + "b")))),
            6 => ("random bytes", RandomBytes(_random.Next(0, 300))),
            7 => ("other encoding", Encoding.Unicode.GetBytes(_random.Next(2) == 0 ? validBody : "\uFEFF" + validBody)),
            8 => ("large", Utf8(WithValue(JsonText(new string('x', _random.Next(1_000, 120_000)))))),
            9 => ("deep", Utf8(Deep(_random.Next(20, 3_000)))),
            10 => ("byte damage", Damage(Utf8(validBody))),
            _ => ("not an object", Utf8(Pick(["null", "[]", "123", "\"x\"", "true", "", " ", "{}", "[{}]", "{\"\":1}", "1e999", "-0"]))),
        };

        // Most bodies are sent as JSON (they must pass the content type to reach the body check); some are not.
        var contentType = _random.Next(8) == 0 ? Pick(ContentTypes) : "application/json";
        return new FuzzBody(index, description, bytes, contentType);
    }

    private string WithValue(string json)
    {
        var root = JsonNode.Parse(validBody)!.AsObject();
        var target = RandomObject(root);
        var keys = target.Select(p => p.Key).ToList();
        var key = keys.Count > 0 && _random.Next(4) > 0 ? Pick(keys) : "unexpected" + _random.Next(3);
        var marker = $"__value_{_random.Next():x}__";
        target[key] = marker;
        return root.ToJsonString().Replace($"\"{marker}\"", json, StringComparison.Ordinal);
    }

    private string WithDuplicateKey()
    {
        var root = JsonNode.Parse(validBody)!.AsObject();
        var target = RandomObject(root);
        var keys = target.Select(p => p.Key).ToList();
        var key = keys.Count > 0 ? Pick(keys) : "k";
        var casing = _random.Next(3) == 0 ? key.ToUpperInvariant() : key;
        var marker = $"__dup_{_random.Next():x}__";
        target[marker] = 0;
        return root.ToJsonString().Replace($"\"{marker}\":0", $"\"{casing}\":{RandomValue()}", StringComparison.Ordinal);
    }

    private JsonObject RandomObject(JsonObject root)
    {
        var objects = new List<JsonObject> { root };
        Collect(root, objects);
        return Pick(objects);
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is JsonObject co)
                    {
                        objects.Add(co);
                    }

                    Collect(child, objects);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is JsonObject co)
                    {
                        objects.Add(co);
                    }

                    Collect(child, objects);
                }

                break;
        }
    }

    private string RandomValue() => _random.Next(14) switch
    {
        0 => "null",
        1 => "true",
        2 => _random.Next(int.MinValue, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "1e309",
        4 => "-0.0000000000000000000001",
        5 => "[]",
        6 => "{}",
        7 => "[1, \"a\", null, {}]",
        8 => JsonText(new string('9', _random.Next(1, 400))),
        9 => "99999999999999999999999999999999999999",
        10 => "\"2021-02-30\"",
        11 => "{\"include\": [\"DE11\", 5, null]}",
        12 => JsonText("<script>alert(1)</script>' OR 1=1 --"),
        _ => JsonText(""),
    };

    private static string JsonText(string escapedContent) => "\"" + escapedContent + "\"";

    private string Deep(int depth) => new string('[', depth) + new string(']', _random.Next(2) == 0 ? depth : depth / 2);

    private byte[] Truncate(byte[] bytes) => bytes[..(bytes.Length == 0 ? 0 : _random.Next(bytes.Length))];

    private byte[] Damage(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = _random.Next(1, 6); i > 0 && copy.Length > 0; i--)
        {
            copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
        }

        return copy;
    }

    private byte[] InvalidUtf8() => Pick<byte[]>([[0xff, 0xfe], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80]]);

    /// <summary>Inside the first string value after a random point, so it is text that breaks, not the syntax.</summary>
    private byte[] InsertIntoString(byte[] bytes, byte[] insert)
    {
        var quote = Array.IndexOf(bytes, (byte)'"', _random.Next(bytes.Length));
        var at = quote < 0 ? _random.Next(bytes.Length) : quote + 1;
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>One generated body: its number (to replay it), what kind of damage it has, its bytes and content type.</summary>
public sealed record FuzzBody(int Index, string Kind, byte[] Bytes, string ContentType)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        return $"#{Index} {Kind} ({ContentType}, {Bytes.Length} bytes): {(text.Length > 300 ? text[..300] + "..." : text)}";
    }
}
