using System.Text.Json;

namespace Connectors.AwsSes.IntegrationTests.Faults;

/// <summary>Responses shaped like SES v2's, for the <see cref="FaultInjectingServer"/>.</summary>
public static class SesResponses
{
    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string ErrorTypeHeader = "x-amzn-ErrorType";

    /// <summary>SendEmail's success: 200 <c>{"MessageId":"..."}</c>.</summary>
    public static FaultResponse Ok(string messageId, string? requestId = null) =>
        Json(200, JsonSerializer.Serialize(new { MessageId = messageId }), requestId);

    /// <summary>
    /// An SES error: <paramref name="status"/>, body <c>{"message":"..."}</c>, header <c>x-amzn-ErrorType</c> =
    /// <paramref name="errorType"/> as given (real SES may append <c>:http://internal.amazon.com/...</c>; pass that to test it).
    /// </summary>
    public static FaultResponse Error(int status, string errorType, string message, string? requestId = null) =>
        Json(status, JsonSerializer.Serialize(new { message }), requestId, [new(ErrorTypeHeader, errorType)]);

    /// <summary>GetAccount's success (<c>GET /v2/email/account</c>).</summary>
    public static FaultResponse Account(
        double max24HourSend = 50000,
        double maxSendRate = 14,
        double sentLast24Hours = 0,
        bool sendingEnabled = true,
        bool productionAccessEnabled = true,
        string enforcementStatus = "HEALTHY",
        string? requestId = null) =>
        Json(200, JsonSerializer.Serialize(new
        {
            SendQuota = new { Max24HourSend = max24HourSend, MaxSendRate = maxSendRate, SentLast24Hours = sentLast24Hours },
            SendingEnabled = sendingEnabled,
            EnforcementStatus = enforcementStatus,
            ProductionAccessEnabled = productionAccessEnabled,
        }), requestId);

    /// <summary>429 TooManyRequestsException: throttled (retried by the AWS SDKs).</summary>
    public static FaultResponse Throttled(string? requestId = null) =>
        Error(429, "TooManyRequestsException", "Too Many Requests", requestId);

    /// <summary>400 LimitExceededException: the daily sending quota is spent (final).</summary>
    public static FaultResponse DailyQuotaExceeded(string? requestId = null) =>
        Error(400, "LimitExceededException", "Daily message quota exceeded.", requestId);

    /// <summary>400 MessageRejected (final).</summary>
    public static FaultResponse MessageRejected(string message = "Email address is not verified.", string? requestId = null) =>
        Error(400, "MessageRejected", message, requestId);

    /// <summary>503 ServiceUnavailable (retried).</summary>
    public static FaultResponse ServiceUnavailable(string? requestId = null) =>
        Error(503, "ServiceUnavailable", "Service Unavailable", requestId);

    private static FaultResponse Json(int status, string body, string? requestId, KeyValuePair<string, string>[]? extra = null)
    {
        KeyValuePair<string, string>[] headers =
        [
            new("Content-Type", "application/json"),
            new(RequestIdHeader, requestId ?? Guid.NewGuid().ToString()),
            .. extra ?? [],
        ];
        return new FaultResponse(status, headers, body);
    }
}
