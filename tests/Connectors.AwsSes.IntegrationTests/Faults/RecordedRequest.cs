using System.Text;

namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>A request the <see cref="FaultInjectingServer"/> read, whatever it then did with it.</summary>
public sealed record RecordedRequest
{
    internal RecordedRequest(
        int sequence,
        int connectionId,
        string method,
        string target,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body,
        DateTimeOffset receivedAt)
    {
        Sequence = sequence;
        ConnectionId = connectionId;
        Method = method;
        Target = target;
        Headers = headers;
        BodyBytes = body;
        ReceivedAt = receivedAt;
    }

    /// <summary>1 for the first request the server read, 2 for the next, across connections.</summary>
    public int Sequence { get; }

    /// <summary>The TCP connection it came on: 1 for the first connection accepted, 2 for the next.</summary>
    public int ConnectionId { get; }

    public string Method { get; }

    /// <summary>The request target as sent: path and query.</summary>
    public string Target { get; }

    /// <summary>The path part of <see cref="Target"/>.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>The query part of <see cref="Target"/>, without <c>?</c>; empty when there is none.</summary>
    public string Query => Target.Split('?', 2) is [_, var query] ? query : string.Empty;

    /// <summary>The headers in the order received; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body, de-chunked when it was sent chunked.</summary>
    public ReadOnlyMemory<byte> BodyBytes { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Body => Encoding.UTF8.GetString(BodyBytes.Span);

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The values of header <paramref name="name"/> (case-insensitive) joined by <c>", "</c>, or null when absent.</summary>
    public string? Header(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();
        return values.Length == 0 ? null : string.Join(", ", values);
    }

    public override string ToString() => $"#{Sequence} (connection {ConnectionId}) {Method} {Target}";
}
