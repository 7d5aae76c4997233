using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace StatService.TestSupport.Notifications;

/// <summary>
/// A local SMTP server for tests, speaking the protocol (RFC 5321: greeting, EHLO/HELO, MAIL, RCPT, DATA with
/// dot-unstuffing, RSET, NOOP, QUIT) over a real TCP socket on 127.0.0.1 and keeping the messages it accepts.
/// Answers 451 (try later) to the first <see cref="TransientFailures"/> recipients, to prove retries.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _failuresLeft;

    private SmtpSink(int transientFailures)
    {
        TransientFailures = transientFailures;
        _failuresLeft = transientFailures;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int TransientFailures { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    /// <summary>Every RCPT TO the sink was given, accepted or not.</summary>
    public ConcurrentQueue<string> RecipientAttempts { get; } = new();

    public static SmtpSink Start(int transientFailures = 0) => new(transientFailures);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink.test ESMTP ready");
        string? from = null;
        var to = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-sink.test\r\n250 8BITMIME");
                        break;
                    case "HELO":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        from = Address(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        RecipientAttempts.Enqueue(recipient);
                        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                        {
                            await writer.WriteLineAsync("451 4.3.0 Try again later");
                            break;
                        }

                        to.Add(recipient);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA" when from is not null && to.Count > 0:
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        using (var raw = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                        {
                            Messages.Enqueue(new ReceivedMail(from, [.. to], await MimeMessage.LoadAsync(raw)));
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("503 5.5.1 MAIL and RCPT first");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>The address in <c>MAIL FROM:&lt;a@b&gt; ...</c> or <c>RCPT TO:&lt;a@b&gt;</c>.</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

public sealed record ReceivedMail(string From, IReadOnlyList<string> To, MimeMessage Message);
