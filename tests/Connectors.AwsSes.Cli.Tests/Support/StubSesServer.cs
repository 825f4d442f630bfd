using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Connectors.AwsSes.Cli.Tests.Support;

/// <summary>A request the stub received.</summary>
internal sealed record StubRequest(string Method, string Path, string? Authorization, string Body);

/// <summary>An answer of the stub.</summary>
internal sealed record StubResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>A tiny SES v2 stand-in on <c>http://127.0.0.1:{free port}/</c> that records what it receives.</summary>
internal sealed class StubSesServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<StubRequest, StubResponse> _respond;
    private readonly Task _loop;

    private StubSesServer(HttpListener listener, Uri endpoint, Func<StubRequest, StubResponse> respond)
    {
        _listener = listener;
        _respond = respond;
        Endpoint = endpoint;
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>Answers SendEmail with <paramref name="messageId"/> and GetAccount with <paramref name="accountJson"/>.</summary>
    public static StubSesServer StartSes(string messageId = "m-1", string accountJson = "{}") => Start(request =>
        (request.Method, request.Path) switch
        {
            ("POST", "/v2/email/outbound-emails") => new StubResponse(200, $"{{\"MessageId\":\"{messageId}\"}}"),
            ("GET", "/v2/email/account") => new StubResponse(200, accountJson),
            _ => new StubResponse(404, "{\"message\":\"no such route\"}", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "NotFoundException" }),
        });

    public static StubSesServer Start(Func<StubRequest, StubResponse> respond)
    {
        for (var attempt = 1; ; attempt++)
        {
            var endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(endpoint.AbsoluteUri);
            try
            {
                listener.Start();
                return new StubSesServer(listener, endpoint, respond);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // The port was taken between the probe and the bind: try another.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener was stopped under the loop: the expected way out.
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception exception) when (exception is IOException or HttpListenerException or ObjectDisposedException)
            {
                // The client gave up (a canceled command): nothing to answer to.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = new StubRequest(
            context.Request.HttpMethod,
            context.Request.Url!.AbsolutePath,
            context.Request.Headers["Authorization"],
            await reader.ReadToEndAsync());
        Requests.Enqueue(request);

        var response = _respond(request);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var header in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        var body = Encoding.UTF8.GetBytes(response.Body);
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
