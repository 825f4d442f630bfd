using Microsoft.Extensions.Logging;

namespace Connectors.AwsSes.Diagnostics;

/// <summary>The connector's log messages, source-generated. None of them carries a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "Sending", Level = LogLevel.Debug, Message = "Sending {UsageType} email to {Recipient} through SES in {Region}.")]
    public static partial void Sending(ILogger logger, string usageType, string recipient, string region);

    [LoggerMessage(EventId = 2, EventName = "Sent", Level = LogLevel.Information, Message = "Sent {UsageType} email to {Recipient}; SES message id {MessageId}.")]
    public static partial void Sent(ILogger logger, string usageType, string recipient, string messageId);

    [LoggerMessage(EventId = 3, EventName = "Retrying", Level = LogLevel.Warning, Message = "SES {Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 4, EventName = "SendFailed", Level = LogLevel.Error, Message = "Sending {UsageType} email to {Recipient} failed with {ErrorCode} ({AwsErrorType}) after {Attempts} attempt(s): {ErrorMessage}")]
    public static partial void SendFailed(ILogger logger, string usageType, string recipient, string errorCode, string? awsErrorType, int attempts, string errorMessage);

    [LoggerMessage(EventId = 5, EventName = "ClockSkewCorrected", Level = LogLevel.Warning, Message = "SES at {Host} reported a clock skew; signing time corrected by {OffsetSeconds} s.")]
    public static partial void ClockSkewCorrected(ILogger logger, string host, double offsetSeconds);

    [LoggerMessage(EventId = 6, EventName = "LocalizedTemplateFailed", Level = LogLevel.Warning, Message = "The localized template lookup for {UsageType} failed; using the configured template.")]
    public static partial void LocalizedTemplateFailed(ILogger logger, Exception exception, string usageType);
}
