using System.IO.Compression;
using System.Text;

namespace StatService.Data.Extracts.Import;

/// <summary>
/// How a delivered CSV file is written: SDS and DST deliver semicolon- or comma-separated files with a
/// header row, in UTF-8 or latin1. The delimiter is the most frequent candidate in the header line; the
/// encoding is UTF-8 when the first megabytes decode as UTF-8, latin1 otherwise.
/// </summary>
public sealed record CsvDialect(char Delimiter, string Encoding)
{
    public const string Utf8 = "utf-8";
    public const string Latin1 = "latin-1";

    private const int SniffBytes = 16 * 1024 * 1024;

    public static CsvDialect Detect(string path)
    {
        var head = ReadHead(path);
        var encoding = IsUtf8(head) ? Utf8 : Latin1;
        var text = (encoding == Utf8 ? System.Text.Encoding.UTF8 : System.Text.Encoding.Latin1).GetString(head);
        var headerLine = text.Split('\n', 2)[0];
        var delimiter = new[] { ';', ',', '\t', '|' }
            .OrderByDescending(c => headerLine.Count(h => h == c))
            .First();
        return new CsvDialect(delimiter, encoding);
    }

    private static byte[] ReadHead(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var buffer = new byte[SniffBytes];
        var read = 0;
        while (read < buffer.Length && stream.Read(buffer, read, buffer.Length - read) is var n and > 0)
        {
            read += n;
        }

        return buffer[..read];
    }

    // A multi-byte sequence cut off at the end of the sample is not an error.
    private static bool IsUtf8(byte[] bytes)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            var chars = new char[bytes.Length + 1];
            decoder.GetChars(bytes, 0, bytes.Length, chars, 0, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
