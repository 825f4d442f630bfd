using System.Net;
using System.Text;
using Amazon.Runtime;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;
using Microsoft.Extensions.Logging.Testing;
using Moq;

namespace Connectors.AwsSes.Tests.Ses;

/// <summary>The SES client at the handler boundary: error model, retries, timeouts, clock skew, credentials.</summary>
public sealed class SesHttpClientTests
{
    private static readonly SesConnectionSettings Keys = new("us-east-1", null, false, false, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);

    private static readonly SendEmailRequest Request = new()
    {
        FromEmailAddress = "noreply@example.com",
        Destination = new Destination { ToAddresses = ["user@example.com"] },
        Content = new EmailContent
        {
            Simple = new SimpleMessage
            {
                Subject = new SesContent { Data = "s" },
                Body = new MessageBody { Html = new SesContent { Data = "<p>b</p>" } },
            },
        },
    };

    private readonly StubHttpHandler _handler = new();
    private readonly FakeLogger _logger = new();

    private readonly AwsSesClientOptions _options = new()
    {
        ThrottlingBaseDelay = TimeSpan.FromMilliseconds(8),
        TransientBaseDelay = TimeSpan.FromMilliseconds(2),
    };

    [Fact]
    public async Task SendEmailAsync_429ThenOk_RetriesOnceWithThrottlingBackoff()
    {
        _handler.Then(HttpStatusCode.TooManyRequests, """{"message":"Maximum sending rate exceeded."}""", ("x-amzn-ErrorType", "TooManyRequestsException"));

        var messageId = await CreateClient(random: 0.5).SendEmailAsync(Keys, Request, CancellationToken.None);

        Assert.Equal("stub-message-id", messageId);
        Assert.Equal(2, _handler.Requests.Count);
        Assert.All(_handler.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", r.Headers["Authorization"], StringComparison.Ordinal));
        var retry = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Name == "Retrying");
        Assert.Equal("SES SendEmail attempt 1 failed (TooManyRequestsException); retrying in 4 ms.", retry.Message);
    }

    [Fact]
    public async Task SendEmailAsync_503TwiceThenOk_SucceedsOnThirdAttempt()
    {
        _handler.Then(HttpStatusCode.ServiceUnavailable, "{}").Then(HttpStatusCode.ServiceUnavailable, "{}");

        var messageId = await CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None);

        Assert.Equal("stub-message-id", messageId);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task SendEmailAsync_500ThreeTimes_InvalidResponseAfterThreeAttempts()
    {
        _handler.Default = _ => StubHttpHandler.Json(HttpStatusCode.InternalServerError, """{"message":"Internal failure."}""");

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error.Code);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("SES SendEmail failed with HTTP 500 InternalServerError: Internal failure.", error.Message);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task SendEmailAsync_429ThreeTimes_RateLimitExceeded()
    {
        _handler.Default = _ => WithHeaders(HttpStatusCode.TooManyRequests, """{"message":"Slow down."}""", ("x-amzn-ErrorType", "TooManyRequestsException"));

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.RateLimitExceeded, error.Code);
        Assert.Equal("TooManyRequestsException", error.ServiceErrorType);
        Assert.Equal(3, error.Attempts);
    }

    [Theory]
    [InlineData("MessageRejected", 400, ConnectorErrorCode.InvalidRequestParameters)]
    [InlineData("LimitExceededException", 400, ConnectorErrorCode.UsageLimitExceeded)]
    [InlineData("MailFromDomainNotVerifiedException", 400, ConnectorErrorCode.InvalidConfig)]
    [InlineData("AccountSuspendedException", 400, ConnectorErrorCode.AuthorizationFailed)]
    [InlineData("SendingPausedException", 400, ConnectorErrorCode.AuthorizationFailed)]
    [InlineData("BadRequestException", 400, ConnectorErrorCode.InvalidConfig)]
    [InlineData("NotFoundException", 404, ConnectorErrorCode.InvalidConfig)]
    [InlineData("UnrecognizedClientException", 403, ConnectorErrorCode.InvalidConfig)]
    [InlineData("InvalidSignatureException", 403, ConnectorErrorCode.InvalidConfig)]
    [InlineData("AccessDeniedException", 403, ConnectorErrorCode.AuthorizationFailed)]
    [InlineData("SomethingNewException", 400, ConnectorErrorCode.InvalidResponse)]
    public async Task SendEmailAsync_FinalServiceError_MapsCodeKeepsTypeMessageRequestIdAndDoesNotRetry(string type, int status, ConnectorErrorCode expected)
    {
        _handler.Then((HttpStatusCode)status, """{"message":"Details from SES."}""", ("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.sesv2/"), ("x-amzn-RequestId", "req-42"));

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal(expected, error.Code);
        Assert.Equal(type, error.ServiceErrorType);
        Assert.Equal("req-42", error.RequestId);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.EndsWith($", {type}: Details from SES.", error.Message, StringComparison.Ordinal);
        Assert.Single(_handler.Requests);
    }

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.sesv2#MessageRejected","message":"m"}""")]
    [InlineData("""{"code":"MessageRejected","Message":"m"}""")]
    [InlineData("""{"Code":"MessageRejected","message":"m"}""")]
    public async Task SendEmailAsync_ErrorTypeOnlyInBody_IsParsed(string body)
    {
        _handler.Then(HttpStatusCode.BadRequest, body);

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal("MessageRejected", error.ServiceErrorType);
        Assert.Equal("SES SendEmail failed with HTTP 400 BadRequest, MessageRejected: m.", error.Message);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"MessageId":""}""")]
    [InlineData("<html>not json</html>")]
    public async Task SendEmailAsync_OkWithoutMessageId_InvalidResponse(string body)
    {
        _handler.Then(HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error.Code);
        Assert.Equal("SES SendEmail answered with success but without a MessageId in its body.", error.Message);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task SendEmailAsync_ConnectionFailsEveryTime_GeneralWithCauseAfterThreeAttempts()
    {
        _handler.Default = _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)");

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal(3, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal("SES SendEmail at email.us-east-1.amazonaws.com could not be reached after 3 attempt(s): Connection refused (127.0.0.1:9)", error.Message);
    }

    [Fact]
    public async Task SendEmailAsync_EveryAttemptHangs_GeneralTimeoutAfterThreeAttempts()
    {
        _options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        var handler = new HangingHandler();

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient(handler: handler).SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, handler.Calls);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Equal("SES SendEmail at email.us-east-1.amazonaws.com timed out after 0.1 s (3 attempt(s)).", error.Message);
    }

    [Fact]
    public async Task SendEmailAsync_OverallDeadlinePasses_GeneralTimeoutWithoutFurtherAttempts()
    {
        _options.Timeout = TimeSpan.FromMilliseconds(150);
        var handler = new HangingHandler();

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient(handler: handler).SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task SendEmailAsync_CallerCancels_OperationCanceledNotConnectorError()
    {
        var handler = new HangingHandler();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateClient(handler: handler).SendEmailAsync(Keys, Request, cancellation.Token));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task SendEmailAsync_RetryAfterHeader_WinsOverComputedBackoff()
    {
        _handler.Then(HttpStatusCode.TooManyRequests, "{}", ("x-amzn-ErrorType", "TooManyRequestsException"), ("x-amz-retry-after", "7"));

        await CreateClient(random: 0.99).SendEmailAsync(Keys, Request, CancellationToken.None);

        var retry = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Name == "Retrying");
        Assert.EndsWith("retrying in 7 ms.", retry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SignatureDoesNotMatch", 403)]
    [InlineData("InvalidSignatureException", 403)]
    [InlineData("RequestTimeTooSkewed", 403)]
    [InlineData("RequestExpired", 400)]
    public async Task SendEmailAsync_ServerClockTenMinutesAhead_CorrectsSigningTimeAndRetries(string type, int status)
    {
        var serverNow = DateTimeOffset.UtcNow.AddMinutes(10);
        _handler.Then(_ =>
        {
            var response = WithHeaders((HttpStatusCode)status, """{"message":"Signature expired."}""", ("x-amzn-ErrorType", type));
            response.Headers.Date = serverNow;
            return response;
        });

        await CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None);

        Assert.Equal(2, _handler.Requests.Count);
        var first = ParseAmzDate(_handler.Requests[0].Headers["X-Amz-Date"]);
        var second = ParseAmzDate(_handler.Requests[1].Headers["X-Amz-Date"]);
        Assert.InRange(second - first, TimeSpan.FromMinutes(9.9), TimeSpan.FromMinutes(10.1));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Name == "ClockSkewCorrected");
    }

    [Fact]
    public async Task SendEmailAsync_SignatureErrorWithoutSkew_IsFinal()
    {
        _handler.Then(_ =>
        {
            var response = WithHeaders(HttpStatusCode.Forbidden, """{"message":"The request signature we calculated does not match."}""", ("x-amzn-ErrorType", "SignatureDoesNotMatch"));
            response.Headers.Date = DateTimeOffset.UtcNow;
            return response;
        });

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient().SendEmailAsync(Keys, Request, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task SendEmailAsync_NoKeys_UsesDefaultChainOnceAcrossSends()
    {
        var source = new Mock<IAwsCredentialsSource>();
        source.Setup(s => s.GetDefaultCredentialsAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BasicAWSCredentials("AKIDCHAIN", "chain-secret"));
        var settings = Keys with { AccessKeyId = null, SecretAccessKey = null };
        var client = CreateClient(credentials: source.Object);

        await client.SendEmailAsync(settings, Request, CancellationToken.None);
        await client.SendEmailAsync(settings, Request, CancellationToken.None);

        Assert.All(_handler.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDCHAIN/", r.Headers["Authorization"], StringComparison.Ordinal));
        source.Verify(s => s.GetDefaultCredentialsAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task SendEmailAsync_DefaultChainHasNothing_InvalidConfigAndNothingSent()
    {
        var source = new Mock<IAwsCredentialsSource>();
        source.Setup(s => s.GetDefaultCredentialsAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorError(ConnectorErrorCode.InvalidConfig, "No AWS credentials were found."));
        var settings = Keys with { AccessKeyId = null, SecretAccessKey = null };

        var error = await Assert.ThrowsAsync<ConnectorError>(() => CreateClient(credentials: source.Object).SendEmailAsync(settings, Request, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task SendEmailAsync_SessionToken_SendsSecurityTokenHeader()
    {
        await CreateClient().SendEmailAsync(Keys with { SessionToken = "TOKEN123" }, Request, CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("TOKEN123", request.Headers["X-Amz-Security-Token"]);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccountAsync_Ok_ParsesQuotaAndSignsGet()
    {
        _handler.Then(HttpStatusCode.OK, """{"SendQuota":{"Max24HourSend":200,"MaxSendRate":1,"SentLast24Hours":17},"SendingEnabled":true,"EnforcementStatus":"HEALTHY","ProductionAccessEnabled":false}""");

        var account = await CreateClient().GetAccountAsync(Keys, CancellationToken.None);

        Assert.Equal(200, account.SendQuota!.Max24HourSend);
        Assert.Equal(17, account.SendQuota.SentLast24Hours);
        Assert.True(account.SendingEnabled);
        Assert.Equal("HEALTHY", account.EnforcementStatus);
        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://email.us-east-1.amazonaws.com/v2/email/account", request.Uri.AbsoluteUri);
        Assert.Contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    private static DateTime ParseAmzDate(string value) =>
        DateTime.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static HttpResponseMessage WithHeaders(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = StubHttpHandler.Json(status, body);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private SesHttpClient CreateClient(double random = 0, HttpMessageHandler? handler = null, IAwsCredentialsSource? credentials = null) =>
        new(new HttpClient(handler ?? _handler), () => _options, credentials, logger: _logger, environment: _ => null, random: () => random);

    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8) };
        }
    }
}
