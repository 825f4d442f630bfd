using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Connectors.AwsSes.Benchmarks.Support;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses;
using Connectors.Kit.Messages;

namespace Connectors.AwsSes.Benchmarks.Micro;

/// <summary>
/// The in-process cost of one send through the public API: config and template lookup,
/// rendering, request building, JSON, signing and the <see cref="HttpClient"/> pipeline, with the
/// network replaced by <see cref="StubSesHandler"/>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SendBenchmarks
{
    private AwsSesConnector _connector = null!;
    private SendMessageData _message = null!;
    private HttpClient _http = null!;
    private byte[] _body = null!;
    private JsonElement _configJson;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new StubSesHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        var clientOptions = new AwsSesClientOptions();
        var client = new SesHttpClient(_http, () => clientOptions, environment: _ => null);
        _connector = new AwsSesConnector(
            AwsSesDefaults.DefaultInstanceName,
            new FixedOptionsMonitor<AwsSesConnectorOptions>(BenchmarkConfig.CreateOptions()),
            client);
        _message = BenchmarkConfig.CreateMessage();
        _body = new byte[1100];
        _configJson = JsonSerializer.SerializeToElement(BenchmarkConfig.CreateOptions(), ConfigJson.Options);
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    /// <summary>One email: <c>AwsSesConnector.SendMessageAsync</c> to the stubbed transport.</summary>
    [Benchmark(Baseline = true)]
    public Task<string> SendMessage() => _connector.SendMessageAsync(_message);

    /// <summary>
    /// One email with the config given as JSON, as a host's <c>IConnectorConfigProvider</c> (one
    /// config per tenant) or the admin console's test send does.
    /// </summary>
    [Benchmark]
    public Task<string> SendMessageWithConfigJson() => _connector.SendMessageAsync(_message, _configJson);

    /// <summary>What the transport alone costs: a POST of a body of the same size through the same <see cref="HttpClient"/> and stub.</summary>
    [Benchmark]
    public async Task<int> HttpClientToStub()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://email.us-east-1.amazonaws.com/v2/email/outbound-emails")
        {
            Content = new ByteArrayContent(_body),
        };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
        return (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length;
    }
}

/// <summary>Writes options as a Logto config JSON (camelCase keys).</summary>
internal static class ConfigJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
