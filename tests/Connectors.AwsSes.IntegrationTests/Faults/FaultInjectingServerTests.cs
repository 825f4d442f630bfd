using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>The fault server itself, driven by a plain HttpClient.</summary>
public sealed class FaultInjectingServerTests
{
    // Upper bounds on hangs only; nothing here asserts how fast something is.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Scripted_responses_are_sent_in_order_then_the_default_response()
    {
        await using var server = FaultInjectingServer.Start();
        server.Respond(SesResponses.ServiceUnavailable("req-1"))
            .Respond(SesResponses.Error(429, "TooManyRequestsException", "Maximum sending rate exceeded.", "req-2"))
            .Respond(SesResponses.Ok("scripted-id", "req-3"));
        using var http = NewClient(server);

        using var first = await PostAsync(http, "v2/email/outbound-emails", """{"n":1}""");
        using var second = await PostAsync(http, "v2/email/outbound-emails", """{"n":2}""");
        using var third = await PostAsync(http, "v2/email/outbound-emails", """{"n":3}""");
        using var fourth = await PostAsync(http, "v2/email/outbound-emails", """{"n":4}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("ServiceUnavailable", Header(first, "x-amzn-ErrorType"));
        Assert.Equal("req-1", Header(first, "x-amzn-RequestId"));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("TooManyRequestsException", Header(second, "x-amzn-ErrorType"));
        Assert.Equal("req-2", Header(second, "x-amzn-RequestId"));
        Assert.Equal("""{"message":"Maximum sending rate exceeded."}""", await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal("""{"MessageId":"scripted-id"}""", await third.Content.ReadAsStringAsync());
        Assert.Equal("req-3", Header(third, "x-amzn-RequestId"));
        Assert.Equal("application/json", third.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal("""{"MessageId":"message-4"}""", await fourth.Content.ReadAsStringAsync());
        Assert.NotNull(Header(fourth, "x-amzn-RequestId"));
        Assert.Equal(0, server.PendingSteps);
    }

    [Fact]
    public async Task Requests_are_recorded_with_method_path_headers_body_and_connection()
    {
        await using var server = FaultInjectingServer.Start();
        using var http = NewClient(server);

        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/email/outbound-emails?x=1")
        {
            Content = new StringContent("""{"Subject":"Zoë ✓"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=00");
        request.Headers.Add("X-Amz-Date", "20150830T123600Z");
        using (var response = await http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await http.GetAsync("v2/email/account"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        var post = requests[0];
        Assert.Equal(1, post.Sequence);
        Assert.Equal(1, post.ConnectionId);
        Assert.Equal("POST", post.Method);
        Assert.Equal("/v2/email/outbound-emails?x=1", post.Target);
        Assert.Equal("/v2/email/outbound-emails", post.Path);
        Assert.Equal("x=1", post.Query);
        Assert.Equal("""{"Subject":"Zoë ✓"}""", post.Body);
        Assert.Equal("application/json; charset=utf-8", post.Header("content-type"));
        Assert.Equal("20150830T123600Z", post.Header("x-amz-date"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", post.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal($"127.0.0.1:{server.Port}", post.Header("Host"));

        var get = requests[1];
        Assert.Equal(2, get.Sequence);
        Assert.Equal("GET", get.Method);
        Assert.Equal("/v2/email/account", get.Path);
        Assert.Equal(string.Empty, get.Body);
    }

    [Fact]
    public async Task Sequential_requests_share_one_kept_alive_connection()
    {
        await using var server = FaultInjectingServer.Start();
        using var http = NewClient(server);

        for (var i = 0; i < 5; i++)
        {
            using var response = await PostAsync(http, "v2/email/outbound-emails", "{}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, server.ConnectionsAccepted);
        Assert.All(server.Requests, r => Assert.Equal(1, r.ConnectionId));
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task A_chunked_request_body_is_recorded_whole()
    {
        await using var server = FaultInjectingServer.Start();
        using var http = NewClient(server);
        var payload = new { FromEmailAddress = "noreply@example.com", Text = new string('x', 20_000) };

        using var response = await http.PostAsync("v2/email/outbound-emails", JsonContent.Create(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single(server.Requests);
        Assert.Equal(JsonSerializer.Serialize(payload, JsonSerializerOptions.Web), recorded.Body);
    }

    [Fact]
    public async Task Expect_100_continue_is_honoured()
    {
        await using var server = FaultInjectingServer.Start();
        using var http = NewClient(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/email/outbound-emails") { Content = new StringContent("{\"a\":1}") };
        request.Headers.ExpectContinue = true;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"a\":1}", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task A_reset_surfaces_as_HttpRequestException_and_the_server_keeps_serving()
    {
        await using var server = FaultInjectingServer.Start();
        server.ResetConnection();
        using var http = NewClient(server);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(http, "v2/email/outbound-emails", "{}"));
        using var next = await PostAsync(http, "v2/email/outbound-emails", "{}");

        Assert.IsType<IOException>(error.InnerException, exactMatch: false);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal([1, 2], server.Requests.Select(r => r.ConnectionId));
        Assert.Equal(2, server.ConnectionsAccepted);
    }

    [Theory]
    [InlineData(FaultAction.ResetConnection, HttpRequestError.Unknown)]
    [InlineData(FaultAction.CloseConnection, HttpRequestError.ResponseEnded)]
    public async Task A_reset_or_close_on_a_reused_connection_fails_the_request_without_a_replay(FaultAction action, HttpRequestError expected)
    {
        // Pins down SocketsHttpHandler: it does not resend a request whose kept-alive connection dies after the
        // request was written, so one scripted fault is one failed attempt for the client under test.
        await using var server = FaultInjectingServer.Start();
        using var http = NewClient(server);
        using (var warmUp = await PostAsync(http, "v2/email/outbound-emails", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        server.Enqueue(action == FaultAction.ResetConnection ? FaultStep.ResetConnection() : FaultStep.CloseConnection());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(http, "v2/email/outbound-emails", """{"n":2}"""));
        using var next = await PostAsync(http, "v2/email/outbound-emails", """{"n":3}""");

        Assert.Equal(expected, error.HttpRequestError);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(
            [(1, "{}"), (1, """{"n":2}"""), (2, """{"n":3}""")],
            server.Requests.Select(r => (r.ConnectionId, r.Body)));
    }

    [Fact]
    public async Task Garbage_surfaces_as_HttpRequestException()
    {
        await using var server = FaultInjectingServer.Start();
        server.Garbage();
        using var http = NewClient(server);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(http, "v2/email/outbound-emails", "{}"));
        using var next = await PostAsync(http, "v2/email/outbound-emails", "{}");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_delay_longer_than_the_client_timeout_makes_the_client_time_out()
    {
        await using var server = FaultInjectingServer.Start();
        server.Delay(TimeSpan.FromMinutes(5)).Respond(SesResponses.Ok("after-the-timeout"));
        using var http = NewClient(server);
        http.Timeout = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => PostAsync(http, "v2/email/outbound-emails", "{}"));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(clock.Elapsed < Generous, $"the client waited {clock.Elapsed}");
        using var another = NewClient(server);
        using var next = await PostAsync(another, "v2/email/outbound-emails", "{}");
        Assert.Equal("""{"MessageId":"after-the-timeout"}""", await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_delay_shorter_than_the_client_timeout_then_responds()
    {
        await using var server = FaultInjectingServer.Start();
        server.Delay(TimeSpan.FromMilliseconds(200), SesResponses.Ok("late"))
            .Enqueue(FaultStep.Respond(SesResponses.Throttled()).After(TimeSpan.FromMilliseconds(50)));
        using var http = NewClient(server);

        using var first = await PostAsync(http, "v2/email/outbound-emails", "{}");
        using var second = await PostAsync(http, "v2/email/outbound-emails", "{}");

        Assert.Equal("""{"MessageId":"late"}""", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task MaxConnectionsPerServer_2_under_10_parallel_requests_opens_at_most_2_connections()
    {
        await using var server = FaultInjectingServer.Start();
        for (var i = 0; i < 10; i++)
        {
            server.Delay(TimeSpan.FromMilliseconds(50)); // keeps requests overlapping
        }

        using var http = NewClient(server, maxConnectionsPerServer: 2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => PostAsync(http, "v2/email/outbound-emails", $$"""{"n":{{i}}}""")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(10, server.Requests.Count);
        Assert.InRange(server.ConnectionsAccepted, 1, 2);
        Assert.InRange(server.MaxConcurrentConnections, 1, 2);
    }

    [Fact]
    public async Task Parallel_requests_held_by_the_server_each_open_a_connection()
    {
        await using var server = FaultInjectingServer.Start();
        server.Delay(Timeout.InfiniteTimeSpan).Delay(Timeout.InfiniteTimeSpan).Delay(Timeout.InfiniteTimeSpan);
        using var http = NewClient(server);
        using var giveUp = new CancellationTokenSource();

        var pending = Enumerable.Range(0, 3).Select(_ => http.PostAsync("v2/email/outbound-emails", new StringContent("{}"), giveUp.Token)).ToArray();
        await server.WaitForRequestsAsync(3, Generous);

        Assert.Equal(3, server.ConnectionsAccepted);
        Assert.Equal(3, server.MaxConcurrentConnections);
        Assert.Equal(3, server.OpenConnections);
        Assert.Equal([1, 2, 3], server.Requests.Select(r => r.ConnectionId).Order());

        await giveUp.CancelAsync();
        foreach (var request in pending)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }
    }

    [Fact]
    public async Task The_default_response_can_be_replaced()
    {
        await using var server = FaultInjectingServer.Start();
        server.SetDefaultResponse(SesResponses.MessageRejected("Email address is not verified.", "req-x"));
        using var http = NewClient(server);

        using var first = await PostAsync(http, "v2/email/outbound-emails", "{}");
        using var second = await PostAsync(http, "v2/email/outbound-emails", "{}");

        Assert.All([first, second], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal("MessageRejected", Header(second, "x-amzn-ErrorType"));
        Assert.Equal("""{"message":"Email address is not verified."}""", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_connection_close_response_closes_the_connection()
    {
        await using var server = FaultInjectingServer.Start();
        server.Respond(200, [new("Connection", "close")], "bye");
        using var http = NewClient(server);

        using var first = await PostAsync(http, "v2/email/outbound-emails", "{}");
        using var second = await PostAsync(http, "v2/email/outbound-emails", "{}");

        Assert.Equal("bye", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, server.ConnectionsAccepted);
    }

    [Fact]
    public async Task The_account_response_is_shaped_like_GetAccount()
    {
        await using var server = FaultInjectingServer.Start();
        server.Respond(SesResponses.Account(max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 12.5, sendingEnabled: false, productionAccessEnabled: false, enforcementStatus: "PROBATION", requestId: "acc-1"));
        using var http = NewClient(server);

        using var response = await http.GetAsync("v2/email/account");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acc-1", Header(response, "x-amzn-RequestId"));
        Assert.Equal(
            """{"SendQuota":{"Max24HourSend":200,"MaxSendRate":1,"SentLast24Hours":12.5},"SendingEnabled":false,"EnforcementStatus":"PROBATION","ProductionAccessEnabled":false}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Clients_that_hang_up_early_or_send_junk_do_not_disturb_the_server()
    {
        await using var server = FaultInjectingServer.Start();
        using (var silent = new TcpClient())
        {
            await silent.ConnectAsync(IPAddress.Loopback, server.Port);
        }

        using (var halfway = new TcpClient())
        {
            await halfway.ConnectAsync(IPAddress.Loopback, server.Port);
            await halfway.GetStream().WriteAsync("POST /v2/email/outbound-emails HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"tru"u8.ToArray());
        }

        using (var junk = new TcpClient())
        {
            await junk.ConnectAsync(IPAddress.Loopback, server.Port);
            await junk.GetStream().WriteAsync("hello there\r\n\r\n"u8.ToArray());
            Assert.True(await HangsUpAsync(junk)); // the server hangs up on it
        }

        using var http = NewClient(server);
        using var response = await PostAsync(http, "v2/email/outbound-emails", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"MessageId":"message-1"}""", await response.Content.ReadAsStringAsync());
        Assert.Single(server.Requests);
        Assert.Equal(4, server.ConnectionsAccepted);
    }

    [Fact]
    public async Task Dispose_ends_idle_connections_and_pending_delays()
    {
        var server = FaultInjectingServer.Start();
        using var http = NewClient(server);
        using (var idle = await PostAsync(http, "v2/email/outbound-emails", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, idle.StatusCode);
        }

        server.Delay(Timeout.InfiniteTimeSpan);
        using var other = NewClient(server);
        var held = PostAsync(other, "v2/email/outbound-emails", "{}");
        await server.WaitForRequestsAsync(2, Generous);

        var dispose = server.DisposeAsync().AsTask();
        Assert.Same(dispose, await Task.WhenAny(dispose, Task.Delay(Generous)));
        await dispose;

        await Assert.ThrowsAsync<HttpRequestException>(() => held);
        Assert.Equal(0, server.OpenConnections);
        await server.DisposeAsync(); // idempotent
    }

    private static HttpClient NewClient(FaultInjectingServer server, int maxConnectionsPerServer = int.MaxValue) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnectionsPerServer })
        {
            BaseAddress = server.Endpoint,
            Timeout = Generous,
        };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.PostAsync(path, content);
    }

    private static async Task<bool> HangsUpAsync(TcpClient client)
    {
        using var timeout = new CancellationTokenSource(Generous);
        try
        {
            return await client.GetStream().ReadAsync(new byte[16], timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true; // closed with a reset
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
