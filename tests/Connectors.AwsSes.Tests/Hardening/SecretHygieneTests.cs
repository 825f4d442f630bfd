using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Connectors.AwsSes.Tests.Hardening;

/// <summary>
/// The secret key and the session token never show in logs at any level (the HTTP client's own
/// Trace logs included), exception messages or <see cref="Exception.ToString"/> with inner
/// exceptions, activity tags or health check results, for every kind of failure.
/// </summary>
public sealed class SecretHygieneTests(ITestOutputHelper output)
{
    private const string SendOperation = "send";
    private const string SendWithInputConfig = "send with inputConfig";
    private const string Health = "health";

    private static readonly string[] Secrets =
    [
        TestConfigs.SecretKey,
        TestConfigs.SecretKey[8..28],
        TestConfigs.SessionToken,
        TestConfigs.SessionToken[12..40],
    ];

    private static readonly Dictionary<string, HygieneCase> Cases = BuildCases().ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Failure_NeverShowsTheSecretKeyOrSessionToken(string name)
    {
        var sample = Cases[name];
        var handler = sample.Respond is null ? null : new ScriptedHandler(sample.Respond);
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddAwsSesConnector(o =>
        {
            Fill(o, sample.Respond is null ? "http://127.0.0.1:1" : "https://email.stub.test");
            sample.EditOptions?.Invoke(o);
        });
        services.ConfigureAwsSesClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.Timeout = TimeSpan.FromSeconds(5);
            o.ThrottlingBaseDelay = TimeSpan.FromMilliseconds(1);
            o.TransientBaseDelay = TimeSpan.FromMilliseconds(1);
            sample.EditClient?.Invoke(o);
        });
        if (handler is not null)
        {
            services.AddHttpClient("Connectors.AwsSes").ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        services.AddHealthChecks().AddAwsSes();
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Connectors.AwsSes",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var haystack = new StringBuilder();

        await using (var provider = services.BuildServiceProvider())
        {
            var connector = provider.GetRequiredService<AwsSesConnector>();
            var data = new SendMessageData { To = "user@example.com", Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = "123456" } };
            if (sample.Operation == Health)
            {
                var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
                var entry = report.Entries["aws-ses"];
                Assert.Equal(sample.ExpectedHealth, entry.Status);
                haystack.AppendLine(entry.Description).AppendLine(entry.Exception?.ToString());
                foreach (var (key, value) in entry.Data)
                {
                    haystack.Append(key).Append('=').AppendLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                var input = sample.Operation == SendWithInputConfig ? sample.InputConfig!() : (JsonElement?)null;
                try
                {
                    var messageId = await connector.SendMessageAsync(data, input);
                    Assert.Null(sample.ExpectedCode);
                    Assert.Equal("stub-id", messageId);
                }
                catch (ConnectorError error)
                {
                    output.WriteLine(error.ToString());
                    Assert.Equal(sample.ExpectedCode, error.Code);
                    haystack.AppendLine(error.Message).AppendLine(error.ToString()).AppendLine(error.ServiceErrorType).AppendLine(error.RequestId);
                    for (Exception? inner = error.InnerException; inner is not null; inner = inner.InnerException)
                    {
                        haystack.AppendLine(inner.Message).AppendLine(inner.ToString());
                    }
                }
            }

            var records = provider.GetFakeLogCollector().GetSnapshot();
            foreach (var record in records)
            {
                haystack.AppendLine(record.ToString()).AppendLine(record.Message).AppendLine(record.Exception?.ToString());
                foreach (var (key, value) in record.StructuredState ?? [])
                {
                    haystack.Append(key).Append('=').AppendLine(value);
                }

                foreach (var scope in record.Scopes)
                {
                    haystack.AppendLine(Convert.ToString(scope, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            // Every level was captured; where SES was called, the token did go there, in its header.
            Assert.True(provider.GetRequiredService<ILogger<SecretHygieneTests>>().IsEnabled(LogLevel.Trace));
            if (handler is not null)
            {
                Assert.Contains(TestConfigs.SessionToken, handler.SecurityTokens);
                Assert.True(sample.Operation == Health || records.Any(r => r.Level == LogLevel.Debug && r.Id.Name == "Sending"));
            }

            output.WriteLine($"{records.Count} log records.");
        }

        foreach (var activity in activities)
        {
            haystack.AppendLine(activity.DisplayName).AppendLine(activity.StatusDescription);
            foreach (var (key, value) in activity.TagObjects)
            {
                haystack.Append(key).Append('=').AppendLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var text = haystack.ToString();
        Assert.False(string.IsNullOrWhiteSpace(text));
        AssertNoSecret(text);
    }

    [Fact]
    public void OptionsAndConnectionSettings_ToString_ShowNoSecret()
    {
        var options = new AwsSesConnectorOptions();
        Fill(options, "https://email.stub.test");
        var settings = new Connectors.AwsSes.Ses.SesConnectionSettings("us-east-1", null, false, false, TestConfigs.AccessKeyId, TestConfigs.SecretKey, TestConfigs.SessionToken);

        AssertNoSecret(options.ToString());
        AssertNoSecret(settings.ToString());
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in Secrets)
        {
            var at = text.IndexOf(secret, StringComparison.Ordinal);
            Assert.True(at < 0, at < 0 ? null : "A secret shows after: " + text[Math.Max(0, at - 400)..at]);
        }
    }

    private static IEnumerable<HygieneCase> BuildCases()
    {
        yield return new(SendOperation, "200 OK", ExpectedCode: null, Respond: Always(() => Json(HttpStatusCode.OK, """{"MessageId":"stub-id"}""")));
        yield return new(SendOperation, "invalid stored options", ConnectorErrorCode.InvalidConfig, EditOptions: o =>
        {
            o.Region = "Mars";
            o.SessionToken = TestConfigs.SessionToken + " \n";
            o.AccessKeySecret = TestConfigs.SecretKey + " ";
        });
        yield return new(SendWithInputConfig, "invalid inputConfig with the secrets in wrong places", ConnectorErrorCode.InvalidConfig, InputConfig: () => JsonSerializer.SerializeToElement(new
        {
            accessKeyId = TestConfigs.AccessKeyId,
            accessKeySecret = new[] { TestConfigs.SecretKey },
            sessionToken = TestConfigs.SessionToken + "\r\n",
            region = TestConfigs.SecretKey,
            emailAddress = TestConfigs.SessionToken,
            endpoint = "http://user:" + TestConfigs.SecretKey + "@127.0.0.1:1/",
            templates = TestConfigs.SessionToken,
        }));
        yield return new(SendOperation, "400 MessageRejected", ConnectorErrorCode.InvalidRequestParameters, Respond: Always(() => Error(HttpStatusCode.BadRequest, "MessageRejected", "Email address is not verified.")));
        yield return new(SendOperation, "403 SignatureDoesNotMatch", ConnectorErrorCode.InvalidConfig, Respond: Always(() => Error(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")));
        yield return new(SendOperation, "403 UnrecognizedClientException", ConnectorErrorCode.InvalidConfig, Respond: Always(() => Error(HttpStatusCode.Forbidden, "UnrecognizedClientException", "The security token included in the request is invalid.")));
        yield return new(SendOperation, "429 three times", ConnectorErrorCode.RateLimitExceeded, Respond: Always(() => Error(HttpStatusCode.TooManyRequests, "TooManyRequestsException", "Maximum sending rate exceeded.")));
        yield return new(SendOperation, "500 three times", ConnectorErrorCode.InvalidResponse, Respond: Always(() => Error(HttpStatusCode.InternalServerError, "InternalFailure", "Internal failure.")));
        yield return new(SendOperation, "503 with an HTML body three times", ConnectorErrorCode.InvalidResponse, Respond: Always(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>busy</html>", Encoding.UTF8, "text/html") }));
        yield return new(SendOperation, "200 without MessageId", ConnectorErrorCode.InvalidResponse, Respond: Always(() => Json(HttpStatusCode.OK, "{}")));
        yield return new(SendOperation, "transport failure", ConnectorErrorCode.General, Respond: (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer (email.stub.test:443)"));
        yield return new(SendOperation, "TLS failure", ConnectorErrorCode.General, Respond: (_, _) => throw new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established."));
        yield return new(SendOperation, "connection refused on 127.0.0.1:1", ConnectorErrorCode.General);
        yield return new(SendOperation, "attempt timeout three times", ConnectorErrorCode.General, Respond: Hang);
        yield return new(SendOperation, "overall timeout", ConnectorErrorCode.General, Respond: Hang, EditClient: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Timeout = TimeSpan.FromMilliseconds(200);
        });
        yield return new(Health, "healthy account", ExpectedHealth: HealthStatus.Healthy, Respond: Always(() => Json(HttpStatusCode.OK, """{"SendQuota":{"Max24HourSend":200,"MaxSendRate":1,"SentLast24Hours":3},"SendingEnabled":true,"EnforcementStatus":"HEALTHY"}""")));
        yield return new(Health, "403 AccessDeniedException", ExpectedHealth: HealthStatus.Unhealthy, Respond: Always(() => Error(HttpStatusCode.Forbidden, "AccessDeniedException", "User is not authorized to perform ses:GetAccount.")));
        yield return new(Health, "500 three times", ExpectedHealth: HealthStatus.Unhealthy, Respond: Always(() => Error(HttpStatusCode.InternalServerError, "InternalFailure", "Internal failure.")));
        yield return new(Health, "malformed account body", ExpectedHealth: HealthStatus.Unhealthy, Respond: Always(() => Json(HttpStatusCode.OK, "[not json")));
        yield return new(Health, "connection refused on 127.0.0.1:1", ExpectedHealth: HealthStatus.Unhealthy);
        yield return new(Health, "attempt timeout three times", ExpectedHealth: HealthStatus.Unhealthy, Respond: Hang);
        yield return new(Health, "invalid stored options", ExpectedHealth: HealthStatus.Unhealthy, EditOptions: o => o.SessionToken = TestConfigs.SessionToken + " ");
    }

    private static void Fill(AwsSesConnectorOptions options, string endpoint)
    {
        options.AccessKeyId = TestConfigs.AccessKeyId;
        options.AccessKeySecret = TestConfigs.SecretKey;
        options.SessionToken = TestConfigs.SessionToken;
        options.Region = TestConfigs.Region;
        options.EmailAddress = TestConfigs.Sender;
        options.Endpoint = endpoint;
        options.Templates = [.. TemplateTypes.Required.Select(t => new EmailTemplate { UsageType = t.ToWireName(), Subject = "Code {{code}}", Content = "<p>{{code}}</p>" })];
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Always(Func<HttpResponseMessage> response) =>
        (_, _) => Task.FromResult(response());

    private static async Task<HttpResponseMessage> Hang(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new UnreachableException();
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Error(HttpStatusCode status, string type, string message)
    {
        var response = Json(status, JsonSerializer.Serialize(new { message }));
        response.Headers.Add("x-amzn-ErrorType", type);
        response.Headers.Add("x-amzn-RequestId", "req-" + type);
        return response;
    }

    /// <summary>One failure kind and what it must end in.</summary>
    private sealed record HygieneCase(
        string Operation,
        string Title,
        ConnectorErrorCode? ExpectedCode = null,
        HealthStatus? ExpectedHealth = null,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? Respond = null,
        Action<AwsSesConnectorOptions>? EditOptions = null,
        Action<AwsSesClientOptions>? EditClient = null,
        Func<JsonElement>? InputConfig = null)
    {
        public string Name => Operation + ": " + Title;
    }

    /// <summary>The HTTP boundary: answers from a function and records the session token header of each request.</summary>
    private sealed class ScriptedHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        public ConcurrentQueue<string> SecurityTokens { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("X-Amz-Security-Token", out var tokens))
            {
                SecurityTokens.Enqueue(string.Join(",", tokens));
            }

            var response = await respond(request, cancellationToken);
            response.RequestMessage = request;
            return response;
        }
    }
}
