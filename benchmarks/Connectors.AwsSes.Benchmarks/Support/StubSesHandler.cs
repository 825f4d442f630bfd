using System.Net;

namespace Connectors.AwsSes.Benchmarks.Support;

/// <summary>
/// Answers every request at once with 200 and a cached <c>{"MessageId":"..."}</c> body, without
/// reading the request: the benchmarks then measure the connector, not a network.
/// </summary>
/// <remarks>
/// A response is a fresh <see cref="HttpResponseMessage"/> over the cached bytes (the connector
/// disposes each response); the cost of that is measured on its own by
/// <see cref="Micro.SendBenchmarks.HttpClientToStub"/>.
/// </remarks>
public sealed class StubSesHandler : HttpMessageHandler
{
    private static readonly byte[] Body = """{"MessageId":"010001900f1e8ad0-5c1c3d7a-7b38-4a58-9d3f-3f1f6b3ef0a1-000000"}"""u8.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ReadOnlyMemoryContent(Body),
            RequestMessage = request,
        };
        return Task.FromResult(response);
    }
}
