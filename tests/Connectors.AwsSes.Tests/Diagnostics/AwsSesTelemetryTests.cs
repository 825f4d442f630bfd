using System.Diagnostics;
using Connectors.AwsSes.Diagnostics;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moq;

namespace Connectors.AwsSes.Tests.Diagnostics;

/// <summary>Logs, traces and metrics of a send; none of them may hold a secret or, by default, a full address.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class AwsSesTelemetryTests
{
    private readonly Mock<ISesClient> _ses = new();

    [Fact]
    public async Task SendMessageAsync_Success_LogsMaskedRecipientCountsSendAndTraces()
    {
        _ses.Setup(s => s.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync("m-77");
        using var sends = new MetricCollector<long>(null, AwsSesTelemetry.Name, AwsSesTelemetry.SendsMetric);
        using var durations = new MetricCollector<double>(null, AwsSesTelemetry.Name, AwsSesTelemetry.DurationMetric);
        var activities = new List<Activity>();
        using var listener = Listen(activities);
        var (connector, logs) = Create(logRecipients: false);

        await connector.SendMessageAsync(new SendMessageData { To = "jane.doe@example.com", Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = "1" } });

        var sent = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "Sent");
        Assert.Equal(LogLevel.Information, sent.Level);
        Assert.Equal("Sent SignIn email to j***@example.com; SES message id m-77.", sent.Message);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains("jane.doe", StringComparison.Ordinal));
        var measurement = Assert.Single(sends.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("SignIn", measurement.Tags["connector.usage_type"]);
        Assert.Equal("success", Assert.Single(durations.GetMeasurementSnapshot()).Tags["outcome"]);
        var activity = Assert.Single(activities);
        Assert.Equal(AwsSesTelemetry.SendActivityName, activity.OperationName);
        Assert.Equal("m-77", activity.GetTagItem("aws.ses.message_id"));
        Assert.Equal("us-east-1", activity.GetTagItem("cloud.region"));
    }

    [Fact]
    public async Task SendMessageAsync_Failure_LogsCodeAndAwsTypeCountsFailureMarksActivity()
    {
        _ses.Setup(s => s.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorError(ConnectorErrorCode.InvalidRequestParameters, "SES SendEmail failed with HTTP 400 BadRequest, MessageRejected: Email address is not verified.") { ServiceErrorType = "MessageRejected", RequestId = "r-1", Attempts = 1 });
        using var failures = new MetricCollector<long>(null, AwsSesTelemetry.Name, AwsSesTelemetry.FailuresMetric);
        var activities = new List<Activity>();
        using var listener = Listen(activities);
        var (connector, logs) = Create(logRecipients: true);

        await Assert.ThrowsAsync<ConnectorError>(() => connector.SendMessageAsync(new SendMessageData { To = "jane.doe@example.com", Type = TemplateType.Register }));

        var failed = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "SendFailed");
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Equal("Sending Register email to jane.doe@example.com failed with invalid_request_parameters (MessageRejected) after 1 attempt(s): SES SendEmail failed with HTTP 400 BadRequest, MessageRejected: Email address is not verified.", failed.Message);
        var measurement = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal("invalid_request_parameters", measurement.Tags["error.code"]);
        Assert.Equal("MessageRejected", measurement.Tags["aws.error_type"]);
        var activity = Assert.Single(activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("r-1", activity.GetTagItem("aws.request_id"));
    }

    [Fact]
    public async Task SendMessageAsync_AnyOutcome_NoSecretInAnyLogAtAnyLevel()
    {
        _ses.SetupSequence(s => s.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("m-1")
            .ThrowsAsync(new ConnectorError(ConnectorErrorCode.General, "boom"));
        var (connector, logs) = Create(logRecipients: true);

        await connector.SendMessageAsync(new SendMessageData { To = "a@example.com", Type = TemplateType.SignIn });
        await Assert.ThrowsAsync<ConnectorError>(() => connector.SendMessageAsync(new SendMessageData { To = "a@example.com", Type = TemplateType.SignIn }));
        await Assert.ThrowsAsync<ConnectorError>(() => connector.SendMessageAsync(new SendMessageData { To = "not an address", Type = TemplateType.SignIn }));

        Assert.NotEmpty(logs.GetSnapshot());
        foreach (var record in logs.GetSnapshot())
        {
            var text = record.Message + record.Exception + string.Join(";", record.StructuredState ?? []);
            Assert.DoesNotContain(TestConfigs.SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestConfigs.SessionToken, text, StringComparison.Ordinal);
        }
    }

    private (AwsSesConnector Connector, FakeLogCollector Logs) Create(bool logRecipients)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ses.Object);
        services.AddFakeLogging();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.Configure<global::Connectors.AwsSes.Configuration.AwsSesLoggingOptions>(o => o.LogRecipientAddresses = logRecipients);
        services.AddAwsSesConnector(o => TestConfigs.FillRequired(o));
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<AwsSesConnector>(), provider.GetFakeLogCollector());
    }

    private static ActivityListener Listen(List<Activity> activities)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AwsSesTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}

/// <summary>Meters and activity sources are process-wide: these tests must not run beside other senders.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
