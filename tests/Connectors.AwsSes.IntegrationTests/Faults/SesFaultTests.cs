using System.Diagnostics;
using Connectors.AwsSes.Configuration;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;
using Xunit.Abstractions;

namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>
/// The connector against a real HTTP server on 127.0.0.1 that misbehaves on purpose: each test
/// asserts the outcome, the AWS error type and the exact number of attempts the server saw.
/// Back-off bases are the AWS defaults (1 s throttling, 50 ms otherwise); the time each
/// scenario took is written to the test output.
/// </summary>
public sealed class SesFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly FaultInjectingServer _server = FaultInjectingServer.Start();
    private readonly AwsSesClientOptions _clientOptions = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_429ThenOk_SucceedsOnSecondAttempt()
    {
        _server.Respond(SesResponses.Throttled()).Respond(SesResponses.Ok("m-429"));

        var messageId = await TimedSendAsync();

        Assert.Equal("m-429", messageId);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_503TwiceThenOk_SucceedsOnThirdAttempt()
    {
        _server.Respond(SesResponses.ServiceUnavailable()).Respond(SesResponses.ServiceUnavailable()).Respond(SesResponses.Ok("m-503"));

        var messageId = await TimedSendAsync();

        Assert.Equal("m-503", messageId);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", r.Header("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_500ThreeTimes_InvalidResponseAfterThreeAttempts()
    {
        _server.SetDefaultResponse(SesResponses.Error(500, "InternalFailure", "The request processing has failed."));

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error.Code);
        Assert.Equal("InternalFailure", error.ServiceErrorType);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_MessageRejected_InvalidRequestParametersWithoutRetry()
    {
        _server.Respond(SesResponses.MessageRejected("Email address is not verified. The following identities failed the check in region US-EAST-1: user@example.com", "req-rejected"));

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Equal("MessageRejected", error.ServiceErrorType);
        Assert.Equal("req-rejected", error.RequestId);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("SES SendEmail failed with HTTP 400 BadRequest, MessageRejected: Email address is not verified. The following identities failed the check in region US-EAST-1: user@example.com.", error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_LimitExceeded_UsageLimitExceededWithoutRetry()
    {
        _server.Respond(SesResponses.DailyQuotaExceeded());

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.UsageLimitExceeded, error.Code);
        Assert.Equal("LimitExceededException", error.ServiceErrorType);
        Assert.Equal(1, error.Attempts);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_403SignatureError_InvalidConfigWithoutRetry()
    {
        _server.Respond(SesResponses.Error(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.", "req-sig"));

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal("InvalidSignatureException", error.ServiceErrorType);
        Assert.Equal("req-sig", error.RequestId);
        Assert.Equal(1, error.Attempts);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_SlowerThanAttemptTimeout_GeneralAfterThreeAttempts()
    {
        // One second, not less: the fault tests run beside the load tests on two cores, and an
        // attempt must reach the server before its own timeout for the count below to hold.
        _clientOptions.AttemptTimeout = TimeSpan.FromSeconds(1);
        _server.SetDefaultResponse(SesResponses.Ok("too-late"));
        _server.Delay(TimeSpan.FromSeconds(10)).Delay(TimeSpan.FromSeconds(10)).Delay(TimeSpan.FromSeconds(10));

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Null(error.ServiceErrorType);
        Assert.Equal(3, error.Attempts);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Equal(3, (await _server.WaitForRequestsAsync(3, TimeSpan.FromSeconds(5))).Count);
    }

    [Fact]
    public async Task Send_SlowOnceThenFast_SucceedsOnSecondAttempt()
    {
        _clientOptions.AttemptTimeout = TimeSpan.FromSeconds(1);
        _server.Delay(TimeSpan.FromSeconds(10), SesResponses.Ok("too-late")).Respond(SesResponses.Ok("m-fast"));

        Assert.Equal("m-fast", await TimedSendAsync());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_ConnectionResetThreeTimes_GeneralWithCauseAfterThreeAttempts()
    {
        _server.ResetConnection().ResetConnection().ResetConnection();

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal(3, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_ConnectionResetOnceThenOk_SucceedsOnSecondAttempt()
    {
        _server.ResetConnection().Respond(SesResponses.Ok("m-after-reset"));

        Assert.Equal("m-after-reset", await TimedSendAsync());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_GarbageInsteadOfHttp_GeneralAfterThreeAttempts()
    {
        _server.Garbage().Garbage().Garbage();

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_OkWithGarbageBody_InvalidResponseWithoutRetry()
    {
        _server.Respond(200, [new("Content-Type", "application/json"), new("x-amzn-RequestId", "req-garbage")], "<<<not json>>>");

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error.Code);
        Assert.Equal("req-garbage", error.RequestId);
        Assert.Equal(1, error.Attempts);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_OkWithoutMessageId_InvalidResponseWithoutRetry()
    {
        _server.Respond(200, [new("Content-Type", "application/json")], """{"Something":"else"}""");

        var error = await TimedFailureAsync();

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error.Code);
        Assert.Equal("SES SendEmail answered with success but without a MessageId in its body.", error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_200AtConcurrency8_OpensAtMost8Connections()
    {
        var connector = CreateConnector();
        var stopwatch = Stopwatch.StartNew();

        var messageIds = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            messageIds.Add(await connector.SendMessageAsync(Data(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)), cancellationToken: token)));

        output.WriteLine($"200 sends at concurrency 8: {stopwatch.Elapsed.TotalMilliseconds:0} ms, {_server.ConnectionsAccepted} connections accepted, at most {_server.MaxConcurrentConnections} open at once");
        Assert.Equal(200, messageIds.Distinct().Count());
        Assert.Equal(200, _server.Requests.Count);
        Assert.InRange(_server.ConnectionsAccepted, 1, 8);
    }

    private async Task<string> TimedSendAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var messageId = await CreateConnector().SendMessageAsync(Data("123456"));
        output.WriteLine($"ok after {_server.Requests.Count} attempt(s) in {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        return messageId;
    }

    private async Task<ConnectorError> TimedFailureAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateConnector().SendMessageAsync(Data("123456")));
        output.WriteLine($"{error.CodeString} ({error.ServiceErrorType}) after {error.Attempts} attempt(s) in {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        return error;
    }

    private static SendMessageData Data(string code) =>
        new() { To = "user@example.com", Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = code } };

    private AwsSesConnector CreateConnector() => AwsSesConnector.Create(new AwsSesConnectorOptions
    {
        AccessKeyId = "AKIDEXAMPLE",
        AccessKeySecret = "fault-test-secret",
        Region = "us-east-1",
        Endpoint = _server.Endpoint.ToString(),
        EmailAddress = "noreply@example.com",
        Templates = TemplateTypes.Required.Select(t => new EmailTemplate { UsageType = t.ToWireName(), Subject = "Code {{code}}", Content = "<p>{{code}}</p>" }).ToList(),
    }, _clientOptions);
}
