using System.Text.Json;

namespace Connectors.AwsSes.Benchmarks.Throughput;

/// <summary>Reads the sink's <c>GET /stats</c>; against another endpoint the counts are unknown (null).</summary>
public sealed class SinkStatsClient(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri _stats = new(endpoint, "/stats");

    /// <summary>Gets the connections the sink has accepted so far (control connections excluded).</summary>
    public Task<long?> ConnectionsOpenedAsync() => ReadAsync("connectionsOpened");

    /// <summary>Gets the connections open at the sink now (control connections excluded).</summary>
    public Task<long?> OpenConnectionsAsync() => ReadAsync("openConnections");

    private async Task<long?> ReadAsync(string counter)
    {
        try
        {
            using var response = await _http.GetAsync(_stats);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            return document.RootElement.TryGetProperty(counter, out var value) && value.TryGetInt64(out var count) ? count : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
