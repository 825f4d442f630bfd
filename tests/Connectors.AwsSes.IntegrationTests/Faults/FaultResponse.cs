namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>
/// An HTTP response the <see cref="FaultInjectingServer"/> sends. The body is sent as UTF-8 with a
/// <c>Content-Length</c> header, unless <see cref="Headers"/> already has one (a wrong one fakes a truncated body).
/// </summary>
public sealed record FaultResponse
{
    public FaultResponse(int statusCode, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 999);
        StatusCode = statusCode;
        Headers = headers?.ToArray() ?? [];
        Body = body ?? string.Empty;
    }

    public int StatusCode { get; }

    /// <summary>The headers, in order; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public string Body { get; }

    /// <summary>The first value of the header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
