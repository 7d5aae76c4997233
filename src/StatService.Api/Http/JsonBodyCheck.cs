using System.Text;
using System.Text.Json;

namespace StatService.Api.Http;

/// <summary>
/// Reads a JSON body once, token by token, before any handler sees it: a key twice in one object (a reader would
/// silently keep one of them, or fail), text that is not valid UTF-8 or holds a lone surrogate, or JSON that does not
/// parse, each named by its path.
/// </summary>
public static class JsonBodyCheck
{
    public const string BodyPath = "body";

    public const int MaxDepth = 32;

    public static JsonBodyFault? Find(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        if (!TryGetText(ref reader, out var name))
                        {
                            frame.Name = null;
                            return new(PathOf(frames), "A key in this object is not valid text: invalid UTF-8 or a lone surrogate.");
                        }

                        frame.Name = name;
                        if (!frame.Keys!.Add(name))
                        {
                            return new(PathOf(frames), "Appears more than once in the same object; give each key once.");
                        }

                        continue;
                    case JsonTokenType.StartObject:
                        Advance(frames);
                        frames.Push(new Frame { Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) });
                        continue;
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Push(new Frame());
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        continue;
                    case JsonTokenType.String:
                        Advance(frames);
                        if (!TryGetText(ref reader, out _))
                        {
                            return new(PathOf(frames), "Not valid text: invalid UTF-8 or a lone surrogate.");
                        }

                        continue;
                    default:
                        Advance(frames);
                        continue;
                }
            }
        }
        catch (JsonException malformed)
        {
            return new(BodyPath, $"The body is not valid JSON (line {malformed.LineNumber + 1}, position {malformed.BytePositionInLine + 1}).");
        }

        return null;
    }

    private static bool TryGetText(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>A value inside an array moves its index on (the first is [0]).</summary>
    private static void Advance(Stack<Frame> frames)
    {
        if (frames.TryPeek(out var parent) && parent.Keys is null)
        {
            parent.Index++;
        }
    }

    private static string PathOf(Stack<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames.Reverse())
        {
            if (frame.Keys is null)
            {
                if (frame.Index >= 0)
                {
                    path.Append('[').Append(frame.Index).Append(']');
                }
            }
            else if (frame.Name is { } name)
            {
                if (path.Length > 0)
                {
                    path.Append('.');
                }

                path.Append(name);
            }
        }

        return path.Length == 0 ? BodyPath : path.ToString();
    }

    /// <summary>An open object (its keys, the current one) or array (the current index).</summary>
    private sealed class Frame
    {
        public HashSet<string>? Keys { get; init; }

        public string? Name { get; set; }

        public int Index { get; set; } = -1;
    }
}
