using System.Globalization;
using System.Net;
using System.Text.Json;
using Connectors.AwsSes.Ses.Model;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Ses;

/// <summary>An SES error answer: HTTP status, the AWS error type, its message and the request id.</summary>
internal sealed record SesError(int StatusCode, string? Type, string? Message, string? RequestId)
{
    private static readonly HashSet<string> ThrottlingTypes = new(StringComparer.Ordinal)
    {
        "TooManyRequestsException", "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException",
        "RequestThrottled", "RequestLimitExceeded", "BandwidthLimitExceeded", "ProvisionedThroughputExceededException",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientTypes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "InternalError", "InternalServerError", "ServiceUnavailable",
    };

    private static readonly HashSet<string> SkewTypes = new(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture",
    };

    private static readonly HashSet<string> SignatureTypes = new(StringComparer.Ordinal)
    {
        "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
    };

    /// <summary>Reads the error of a non-success answer (DESIGN 2: header type first, then body).</summary>
    public static SesError Parse(HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        string? type = null;
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            type = values.FirstOrDefault();
        }

        string? message = null;
        if (!body.IsEmpty)
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(body, SesJsonContext.Wire.SesErrorBody);
                message = parsed?.Message;
                type ??= parsed?.Code;
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, say): the status alone has to do.
            }
        }

        return new SesError((int)response.StatusCode, NormalizeType(type), message, RequestIdOf(response));
    }

    /// <summary>Gets the request id header SES sends, if any.</summary>
    public static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault()
        : response.Headers.TryGetValues("x-amz-request-id", out var s3Ids) ? s3Ids.FirstOrDefault()
        : null;

    /// <summary>Keeps what is before ':' and after '#': "aws.protocol#MessageRejected:http://..." becomes "MessageRejected".</summary>
    public static string? NormalizeType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }

        var hash = type.LastIndexOf('#');
        if (hash >= 0)
        {
            type = type[(hash + 1)..];
        }

        type = type.Trim();
        return type.Length == 0 ? null : type;
    }

    /// <summary>Classifies the error for the retry policy.</summary>
    /// <param name="serverClockOffset">How far the server's Date is from our signing clock, when known.</param>
    public SesErrorKind Classify(TimeSpan? serverClockOffset)
    {
        if (Type is not null && SkewTypes.Contains(Type))
        {
            return SesErrorKind.ClockSkew;
        }

        if (Type is not null && SignatureTypes.Contains(Type) && serverClockOffset is { } offset && offset.Duration() > TimeSpan.FromMinutes(5))
        {
            return SesErrorKind.ClockSkew;
        }

        // The daily quota is spent: final (DESIGN 2), even though it sounds like throttling.
        if (Type == "LimitExceededException")
        {
            return SesErrorKind.Final;
        }

        if (StatusCode == 429 || (Type is not null && ThrottlingTypes.Contains(Type)))
        {
            return SesErrorKind.Throttling;
        }

        if (StatusCode is 500 or 502 or 503 or 504 || (Type is not null && TransientTypes.Contains(Type)))
        {
            return SesErrorKind.Transient;
        }

        return SesErrorKind.Final;
    }

    /// <summary>Maps the error to a connector error code (the table in the README).</summary>
    public ConnectorErrorCode ToConnectorErrorCode() => Type switch
    {
        "TooManyRequestsException" => ConnectorErrorCode.RateLimitExceeded,
        "LimitExceededException" => ConnectorErrorCode.UsageLimitExceeded,
        "MessageRejected" => ConnectorErrorCode.InvalidRequestParameters,
        "MailFromDomainNotVerifiedException" or "NotFoundException" or "BadRequestException" => ConnectorErrorCode.InvalidConfig,
        "UnrecognizedClientException" or "InvalidClientTokenId" or "InvalidSignatureException" or "SignatureDoesNotMatch"
            or "IncompleteSignature" or "MissingAuthenticationToken" or "MissingAuthenticationTokenException"
            or "ExpiredToken" or "ExpiredTokenException" or "InvalidAccessKeyId" => ConnectorErrorCode.InvalidConfig,
        "AccessDeniedException" or "AccessDenied" or "AccountSuspendedException" or "SendingPausedException" => ConnectorErrorCode.AuthorizationFailed,
        _ when Type is not null && ThrottlingTypes.Contains(Type) => ConnectorErrorCode.RateLimitExceeded,
        _ when StatusCode == 429 => ConnectorErrorCode.RateLimitExceeded,
        _ when StatusCode is 401 or 403 => ConnectorErrorCode.AuthorizationFailed,
        _ => ConnectorErrorCode.InvalidResponse,
    };

    /// <summary>Builds the connector error that reports this answer.</summary>
    public ConnectorError ToConnectorError(string operation, int attempts) =>
        new(ToConnectorErrorCode(), Describe(operation))
        {
            ServiceErrorType = Type,
            RequestId = RequestId,
            StatusCode = StatusCode,
            Attempts = attempts,
        };

    private string Describe(string operation)
    {
        var status = string.Create(CultureInfo.InvariantCulture, $"{StatusCode} {(HttpStatusCode)StatusCode}");
        var text = $"SES {operation} failed with HTTP {status}";
        if (Type is not null)
        {
            text += ", " + Type;
        }

        if (!string.IsNullOrWhiteSpace(Message))
        {
            text += ": " + Message.Trim();
        }

        return text.EndsWith('.') ? text : text + ".";
    }
}
