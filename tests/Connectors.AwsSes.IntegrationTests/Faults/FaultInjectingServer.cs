using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 (a free port) that answers each request with the next scripted
/// <see cref="FaultStep"/>: a response, a delay, a TCP reset, a close or garbage; once the script is exhausted it sends
/// the <see cref="DefaultResponder"/>'s response. It keeps connections alive (Content-Length and chunked request
/// bodies, <c>Expect: 100-continue</c>), and records every request and how many connections were opened.
/// </summary>
/// <remarks>
/// Steps are taken in the order requests are read, across connections; a step is taken once the whole request
/// was read, so a step is one attempt of the client under test (SocketsHttpHandler does not replay a request whose
/// connection is reset or closed after it was sent; <c>FaultInjectingServerTests</c> checks that).
/// Built on <see cref="TcpListener"/> and async I/O only: no threads of its own. <see cref="DisposeAsync"/> stops
/// the listener, aborts open connections and pending delays, and waits for every connection to finish.
/// </remarks>
public sealed class FaultInjectingServer : IAsyncDisposable
{
    private const int MaxLineLength = 64 * 1024;
    private const int MaxHeaderCount = 256;
    private const int MaxBodyLength = 64 * 1024 * 1024;

    private static readonly byte[] GarbageBytes = "\0\u0001\u0002 not HTTP at all \u007f\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContinueBytes = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FaultStep> _script = new();
    private readonly ConcurrentDictionary<int, Connection> _connections = new(); // every connection accepted
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _acceptLoop;
    private int _connectionsAccepted;
    private int _openConnections;
    private int _maxConcurrentConnections;
    private int _disposed;

    private FaultInjectingServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Endpoint = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Endpoint { get; }

    public int Port { get; }

    /// <summary>
    /// Makes the response sent once the script is exhausted, and for <see cref="FaultStep.Delay"/> steps with no response.
    /// Default: <see cref="SesResponses.Ok"/> with MessageId <c>message-{sequence}</c>.
    /// </summary>
    public Func<RecordedRequest, FaultResponse> DefaultResponder { get; set; } =
        request => SesResponses.Ok($"message-{request.Sequence.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Sets <see cref="DefaultResponder"/> to always send <paramref name="response"/>.</summary>
    public FaultInjectingServer SetDefaultResponse(FaultResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        DefaultResponder = _ => response;
        return this;
    }

    /// <summary>The steps not taken yet.</summary>
    public int PendingSteps => _script.Count;

    /// <summary>Every request read so far, in the order read.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>TCP connections accepted so far.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    /// <summary>TCP connections open now (server side).</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    /// <summary>The most TCP connections that were open at once.</summary>
    public int MaxConcurrentConnections => Volatile.Read(ref _maxConcurrentConnections);

    /// <summary>Starts a server on 127.0.0.1 with a port the OS picks.</summary>
    public static FaultInjectingServer Start() => new();

    /// <summary>Adds <paramref name="step"/> to the end of the script.</summary>
    public FaultInjectingServer Enqueue(FaultStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _script.Enqueue(step);
        return this;
    }

    /// <summary>Scripts a response for the next request.</summary>
    public FaultInjectingServer Respond(int statusCode, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null) =>
        Enqueue(FaultStep.Respond(statusCode, headers, body));

    /// <summary>Scripts a response for the next request.</summary>
    public FaultInjectingServer Respond(FaultResponse response) => Enqueue(FaultStep.Respond(response));

    /// <summary>Scripts a wait of <paramref name="delay"/> (<see cref="Timeout.InfiniteTimeSpan"/>: until the client gives up) before sending <paramref name="then"/> (null: the default response).</summary>
    public FaultInjectingServer Delay(TimeSpan delay, FaultResponse? then = null) => Enqueue(FaultStep.Delay(delay, then));

    /// <summary>Scripts a TCP reset of the connection in place of a response.</summary>
    public FaultInjectingServer ResetConnection() => Enqueue(FaultStep.ResetConnection());

    /// <summary>Scripts bytes that are not HTTP, then a close, in place of a response.</summary>
    public FaultInjectingServer Garbage() => Enqueue(FaultStep.Garbage());

    /// <summary>Scripts a graceful close (FIN) of the connection in place of a response.</summary>
    public FaultInjectingServer CloseConnection() => Enqueue(FaultStep.CloseConnection());

    /// <summary>Waits until at least <paramref name="count"/> requests were read; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var requests = Requests;
            if (requests.Count >= count)
            {
                return requests;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The fault server read {requests.Count} requests in {timeout}, not {count}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>Stops listening, aborts open connections and pending delays, and waits for all of them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;

        // No connection can be added now that the accept loop has ended; closing a closed socket is harmless.
        var connections = _connections.Values.ToArray();
        foreach (var connection in connections)
        {
            connection.Socket.Dispose();
        }

        await Task.WhenAll(connections.Select(c => c.Serving));
        _listener.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (_stopping.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection that died before we took it.
                continue;
            }

            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _connectionsAccepted);
            var open = Interlocked.Increment(ref _openConnections);
            for (var max = Volatile.Read(ref _maxConcurrentConnections);
                 open > max && Interlocked.CompareExchange(ref _maxConcurrentConnections, open, max) != max;
                 max = Volatile.Read(ref _maxConcurrentConnections))
            {
            }

            var connection = new Connection(id, socket);
            _connections[id] = connection;
            connection.Serving = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Connection connection)
    {
        var token = _stopping.Token;
        try
        {
            await using var stream = new NetworkStream(connection.Socket, ownsSocket: false);
            var reader = new RequestReader(stream);
            while (!token.IsCancellationRequested)
            {
                var request = await ReadRequestAsync(reader, stream, connection.Id, token);
                if (request is null)
                {
                    return; // The client closed the connection.
                }

                var step = _script.TryDequeue(out var scripted) ? scripted : null;
                if (step is not null && step.DelayBefore != TimeSpan.Zero)
                {
                    await Task.Delay(step.DelayBefore, token);
                }

                switch (step?.Action ?? FaultAction.Respond)
                {
                    case FaultAction.ResetConnection:
                        connection.Socket.LingerState = new LingerOption(true, 0);
                        connection.Socket.Close();
                        return;

                    case FaultAction.CloseConnection:
                        connection.Socket.Shutdown(SocketShutdown.Both);
                        return;

                    case FaultAction.Garbage:
                        await stream.WriteAsync(GarbageBytes, token);
                        connection.Socket.Shutdown(SocketShutdown.Both);
                        return;

                    default:
                        var response = step?.Response ?? DefaultResponder(request);
                        await WriteResponseAsync(stream, request, response, token);
                        if (WantsClose(request.Header("Connection")) || WantsClose(response.Header("Connection")))
                        {
                            connection.Socket.Shutdown(SocketShutdown.Both);
                            return;
                        }

                        break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away, sent something that is not HTTP, or the server is stopping: drop the connection.
        }
        finally
        {
            connection.Socket.Dispose();
            Interlocked.Decrement(ref _openConnections);
        }
    }

    private async Task<RecordedRequest?> ReadRequestAsync(RequestReader reader, NetworkStream stream, int connectionId, CancellationToken token)
    {
        // Tolerate empty lines before a request line (RFC 9112 section 2.2).
        string? requestLine;
        do
        {
            requestLine = await reader.ReadLineAsync(token);
            if (requestLine is null)
            {
                return null;
            }
        }
        while (requestLine.Length == 0);

        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Not an HTTP/1.x request line: {requestLine}");
        }

        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = await reader.ReadLineAsync(token) ?? throw new EndOfStreamException("The connection closed inside the request headers.");
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || headers.Count == MaxHeaderCount)
            {
                throw new InvalidDataException($"Bad header line: {line}");
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        string? Header(string name) =>
            headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        if (string.Equals(Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync(ContinueBytes, token);
        }

        byte[] body;
        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = await ReadChunkedBodyAsync(reader, token);
        }
        else if (Header("Content-Length") is { } lengthText)
        {
            if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > MaxBodyLength)
            {
                throw new InvalidDataException($"Bad Content-Length: {lengthText}");
            }

            body = new byte[length];
            await reader.ReadExactAsync(body, token);
        }
        else
        {
            body = [];
        }

        RecordedRequest request;
        lock (_requests)
        {
            request = new RecordedRequest(_requests.Count + 1, connectionId, parts[0], parts[1], headers, body, DateTimeOffset.UtcNow);
            _requests.Add(request);
        }

        return request;
    }

    private static async Task<byte[]> ReadChunkedBodyAsync(RequestReader reader, CancellationToken token)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await reader.ReadLineAsync(token) ?? throw new EndOfStreamException("The connection closed inside a chunked body.");
            var sizeText = sizeLine.Split(';', 2)[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size)
                || size < 0
                || body.Length + size > MaxBodyLength)
            {
                throw new InvalidDataException($"Bad chunk size line: {sizeLine}");
            }

            if (size == 0)
            {
                // Trailers, up to the empty line.
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync(token)))
                {
                }

                return body.ToArray();
            }

            var chunk = new byte[size];
            await reader.ReadExactAsync(chunk, token);
            body.Write(chunk);
            if (await reader.ReadLineAsync(token) is not "")
            {
                throw new InvalidDataException("A chunk is not followed by CRLF.");
            }
        }
    }

    private static async Task WriteResponseAsync(NetworkStream stream, RecordedRequest request, FaultResponse response, CancellationToken token)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ")
            .Append(response.StatusCode.ToString(CultureInfo.InvariantCulture))
            .Append(' ')
            .Append(ReasonPhrase(response.StatusCode))
            .Append("\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (response.Header("Content-Length") is null)
        {
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n");

        var bytes = Encoding.UTF8.GetBytes(head.ToString());
        if (request.Method != "HEAD")
        {
            bytes = [.. bytes, .. body];
        }

        await stream.WriteAsync(bytes, token);
    }

    private static bool WantsClose(string? connectionHeader) =>
        connectionHeader?.Contains("close", StringComparison.OrdinalIgnoreCase) == true;

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => Enum.IsDefined((HttpStatusCode)status) ? ((HttpStatusCode)status).ToString() : "Status",
    };

    private sealed class Connection(int id, Socket socket)
    {
        public int Id { get; } = id;

        public Socket Socket { get; } = socket;

        public Task Serving { get; set; } = Task.CompletedTask;
    }

    /// <summary>Buffered reads of CRLF lines and exact byte counts from a stream.</summary>
    private sealed class RequestReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[MaxLineLength];
        private int _start;
        private int _end;

        /// <summary>The next line without its CRLF (Latin-1), or null when the stream ends before any byte of it.</summary>
        public async ValueTask<string?> ReadLineAsync(CancellationToken token)
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    var end = newline > _start && _buffer[newline - 1] == '\r' ? newline - 1 : newline;
                    var line = Encoding.Latin1.GetString(_buffer, _start, end - _start);
                    _start = newline + 1;
                    return line;
                }

                if (!await FillAsync(token))
                {
                    return _start == _end ? null : throw new EndOfStreamException("The connection closed inside a line.");
                }
            }
        }

        public async ValueTask ReadExactAsync(Memory<byte> destination, CancellationToken token)
        {
            var buffered = Math.Min(destination.Length, _end - _start);
            _buffer.AsMemory(_start, buffered).CopyTo(destination);
            _start += buffered;
            if (buffered < destination.Length)
            {
                await stream.ReadExactlyAsync(destination[buffered..], token);
            }
        }

        private async ValueTask<bool> FillAsync(CancellationToken token)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new InvalidDataException($"A request line or header is longer than {MaxLineLength} bytes.");
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), token);
            _end += read;
            return read > 0;
        }
    }
}
