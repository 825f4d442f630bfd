using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Connectors.AwsSes.Benchmarks.Sink;

/// <summary>
/// A minimal HTTP/1.1 sink on 127.0.0.1 that answers <c>POST /v2/email/outbound-emails</c> with
/// 200 <c>{"MessageId":"&lt;counter&gt;"}</c> as fast as a socket allows, and counts the TCP
/// connections it accepts. <c>GET /stats</c> returns the counters as JSON.
/// </summary>
/// <remarks>
/// Raw sockets rather than a web framework, so that on a two-core machine the sink takes as
/// little CPU as possible from the client it measures. Keep-alive, pipelining and
/// <c>Content-Length</c> bodies are supported; chunked bodies are not (the connector and
/// <see cref="HttpClient"/> with a sized body never send them). A connection whose first request
/// is <c>GET /stats</c> is a control connection and is not counted with the others.
/// </remarks>
public sealed class SesSink : IAsyncDisposable
{
    public const string SendEmailPath = "/v2/email/outbound-emails";
    public const string StatsPath = "/stats";

    private const int InputBufferSize = 64 * 1024;
    private const int OutputBufferSize = 16 * 1024;

    private static readonly byte[] OkHead = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-amzn-RequestId: sink\r\nContent-Length: "u8.ToArray();
    private static readonly byte[] NotFound = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
    private static readonly byte[] BadRequest = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray();

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private long _connectionsAccepted;
    private long _controlConnections;
    private long _openConnections;
    private long _requests;
    private long _messageIds;

    private SesSink(Socket listener)
    {
        _listener = listener;
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Gets the base URL, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the connections accepted so far, control connections excluded.</summary>
    public long ConnectionsOpened => Interlocked.Read(ref _connectionsAccepted) - Interlocked.Read(ref _controlConnections);

    /// <summary>Gets the connections open now, control connections excluded.</summary>
    public long OpenConnections => Interlocked.Read(ref _openConnections);

    /// <summary>Starts a sink on 127.0.0.1; port 0 picks a free one.</summary>
    public static SesSink Start(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(1024);
            return new SesSink(listener);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connectionsAccepted);
            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        Interlocked.Increment(ref _openConnections);
        var input = new byte[InputBufferSize];
        var output = new byte[OutputBufferSize];
        var filled = 0;
        var first = true;
        var control = false;
        try
        {
            while (true)
            {
                // Answer every complete request already received (pipelining), then read more.
                var consumed = 0;
                var written = 0;
                while (TryParse(input.AsSpan(consumed, filled - consumed), out var request))
                {
                    consumed += request.Length;
                    Interlocked.Increment(ref _requests);
                    if (first && request.IsStats)
                    {
                        control = true;
                        Interlocked.Increment(ref _controlConnections);
                        Interlocked.Decrement(ref _openConnections);
                    }

                    first = false;
                    written += Respond(request, output.AsSpan(written));
                    if (request.Close || written > output.Length - 1024)
                    {
                        await socket.SendAsync(output.AsMemory(0, written), SocketFlags.None, _stopping.Token);
                        written = 0;
                        if (request.Close)
                        {
                            return;
                        }
                    }
                }

                if (written > 0)
                {
                    await socket.SendAsync(output.AsMemory(0, written), SocketFlags.None, _stopping.Token);
                }

                input.AsSpan(consumed, filled - consumed).CopyTo(input);
                filled -= consumed;
                if (filled == input.Length)
                {
                    // A request larger than the buffer: not something this sink serves.
                    await socket.SendAsync(BadRequest, SocketFlags.None, _stopping.Token);
                    return;
                }

                var read = await socket.ReceiveAsync(input.AsMemory(filled), SocketFlags.None, _stopping.Token);
                if (read == 0)
                {
                    return;
                }

                filled += read;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the sink stops.
        }
        finally
        {
            if (!control)
            {
                Interlocked.Decrement(ref _openConnections);
            }

            socket.Dispose();
        }
    }

    private int Respond(in Request request, Span<byte> output)
    {
        if (request.IsSendEmail)
        {
            Span<byte> body = stackalloc byte[64];
            var length = 0;
            "{\"MessageId\":\""u8.CopyTo(body);
            length += 14;
            Utf8Formatter.TryFormat(Interlocked.Increment(ref _messageIds), body[length..], out var digits);
            length += digits;
            "\"}"u8.CopyTo(body[length..]);
            length += 2;
            return WriteResponse(output, OkHead, body[..length]);
        }

        if (request.IsStats)
        {
            var json = Encoding.UTF8.GetBytes(StatsJson());
            return WriteResponse(output, OkHead, json);
        }

        NotFound.CopyTo(output);
        return NotFound.Length;
    }

    private string StatsJson() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{{\"connectionsOpened\":{ConnectionsOpened},\"controlConnections\":{Interlocked.Read(ref _controlConnections)},\"openConnections\":{OpenConnections},\"requests\":{Interlocked.Read(ref _requests)},\"messages\":{Interlocked.Read(ref _messageIds)}}}");

    private static int WriteResponse(Span<byte> output, ReadOnlySpan<byte> head, ReadOnlySpan<byte> body)
    {
        head.CopyTo(output);
        var length = head.Length;
        Utf8Formatter.TryFormat(body.Length, output[length..], out var digits);
        length += digits;
        "\r\n\r\n"u8.CopyTo(output[length..]);
        length += 4;
        body.CopyTo(output[length..]);
        return length + body.Length;
    }

    // A request is complete once its head ("\r\n\r\n") and Content-Length bytes of body are in.
    private static bool TryParse(ReadOnlySpan<byte> data, out Request request)
    {
        request = default;
        var headEnd = data.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return false;
        }

        var head = data[..headEnd];
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = lineEnd < 0 ? head : head[..lineEnd];
        var contentLength = 0;
        var close = false;
        var headers = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!headers.IsEmpty)
        {
            var end = headers.IndexOf("\r\n"u8);
            var line = end < 0 ? headers : headers[..end];
            headers = end < 0 ? [] : headers[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out _) || contentLength < 0)
                {
                    return false;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }

        var total = headEnd + 4 + contentLength;
        if (data.Length < total)
        {
            return false;
        }

        var isPost = requestLine.StartsWith("POST "u8);
        var isGet = requestLine.StartsWith("GET "u8);
        var target = requestLine[(requestLine.IndexOf((byte)' ') + 1)..];
        var space = target.IndexOf((byte)' ');
        target = space < 0 ? target : target[..space];
        request = new Request(
            total,
            isPost && target.SequenceEqual("/v2/email/outbound-emails"u8),
            isGet && (target.SequenceEqual("/stats"u8) || target.StartsWith("/stats?"u8)),
            close);
        return true;
    }

    private readonly record struct Request(int Length, bool IsSendEmail, bool IsStats, bool Close);
}
