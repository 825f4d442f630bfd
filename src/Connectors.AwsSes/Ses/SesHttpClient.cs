using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Diagnostics;
using Connectors.AwsSes.Ses.Model;
using Connectors.Kit.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connectors.AwsSes.Ses;

/// <summary>
/// The SES v2 REST client: signs each attempt with AWS's own SigV4 signer, retries as the AWS
/// SDKs' standard mode, corrects clock skew, and turns every failure into a <see cref="ConnectorError"/>.
/// </summary>
/// <remarks>
/// One instance serves every config and tenant: credentials and endpoints are resolved once per
/// distinct <see cref="SesConnectionSettings"/> and reused; requests share one pooled
/// <see cref="HttpClient"/>.
/// </remarks>
internal sealed class SesHttpClient : ISesClient
{
    public const string SendEmailPath = "/v2/email/outbound-emails";
    public const string AccountPath = "/v2/email/account";

    private const int ConnectionCacheCapacity = 1024;
    private const string ContentSha256Header = "x-amz-content-sha256";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly Func<AwsSesClientOptions> _options;
    private readonly IAwsCredentialsSource _defaultCredentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<string, string?> _environment;
    private readonly Func<double> _random;
    private readonly ConcurrentDictionary<SesConnectionSettings, ResolvedConnection> _connections = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _clockOffsets = new(StringComparer.OrdinalIgnoreCase);

    public SesHttpClient(
        HttpClient http,
        Func<AwsSesClientOptions> options,
        IAwsCredentialsSource? defaultCredentials = null,
        TimeProvider? time = null,
        ILogger? logger = null,
        Func<string, string?>? environment = null,
        Func<double>? random = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _defaultCredentials = defaultCredentials ?? new DefaultChainCredentialsSource();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _random = random ?? Random.Shared.NextDouble;
    }

    public async Task<string> SendEmailAsync(SesConnectionSettings connection, SendEmailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var body = PooledJsonBody.Serialize(request, SesJsonContext.Default.SendEmailRequest);
        var resolved = Resolve(connection);

        // A call that throws leaves the body to the garbage collector: an attempt that failed may
        // not have finished reading it.
        using var answer = await CallAsync("SendEmail", HttpMethod.Post, resolved.SendEmailUri, body, resolved, cancellationToken).ConfigureAwait(false);
        body.Return();
        SendEmailResponse? parsed = null;
        try
        {
            parsed = JsonSerializer.Deserialize(answer.Body, SesJsonContext.Wire.SendEmailResponse);
        }
        catch (JsonException)
        {
            // Reported below with the rest of the malformed answers.
        }

        if (string.IsNullOrWhiteSpace(parsed?.MessageId))
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidResponse, "SES SendEmail answered with success but without a MessageId in its body.")
            {
                RequestId = answer.RequestId,
                StatusCode = 200,
                Attempts = answer.Attempts,
            };
        }

        return parsed.MessageId;
    }

    public async Task<GetAccountResponse> GetAccountAsync(SesConnectionSettings connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var resolved = Resolve(connection);
        using var answer = await CallAsync("GetAccount", HttpMethod.Get, resolved.AccountUri, null, resolved, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(answer.Body, SesJsonContext.Wire.GetAccountResponse)
                ?? throw new JsonException("null body");
        }
        catch (JsonException exception)
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidResponse, "SES GetAccount answered with success but its body is not the expected JSON.", exception)
            {
                RequestId = answer.RequestId,
                StatusCode = 200,
                Attempts = answer.Attempts,
            };
        }
    }

    /// <summary>Resolves (once per distinct settings) the endpoint, signing region and credentials.</summary>
    internal ResolvedConnection Resolve(SesConnectionSettings connection)
    {
        if (_connections.TryGetValue(connection, out var resolved))
        {
            return resolved;
        }

        var baseUri = SesEndpointResolver.Resolve(connection, _environment);
        AWSCredentials? credentials = null;
        if (connection.HasKeys)
        {
            credentials = connection.SessionToken is null
                ? new BasicAWSCredentials(connection.AccessKeyId, connection.SecretAccessKey)
                : new SessionAWSCredentials(connection.AccessKeyId, connection.SecretAccessKey, connection.SessionToken);
        }

        resolved = new ResolvedConnection(
            new Uri(baseUri.AbsoluteUri.TrimEnd('/') + SendEmailPath),
            new Uri(baseUri.AbsoluteUri.TrimEnd('/') + AccountPath),
            RegionEndpoint.GetBySystemName(connection.Region),
            credentials);
        if (_connections.Count >= ConnectionCacheCapacity)
        {
            _connections.Clear();
        }

        return _connections.GetOrAdd(connection, resolved);
    }

    /// <summary>Calls SES with retries; returns the first successful answer, whose body the caller reads and disposes.</summary>
    private async Task<SesAnswer> CallAsync(
        string operation, HttpMethod method, Uri uri, PooledJsonBody? body, ResolvedConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _options();
        var credentials = connection.Credentials ?? await _defaultCredentials.GetDefaultCredentialsAsync(cancellationToken).ConfigureAwait(false);
        using var timeouts = new CallTimeouts(_time, options, cancellationToken);
        Exception? lastTransportFailure = null;

        for (var attempt = 1; ; attempt++)
        {
            SesErrorKind kind;
            string reason;
            TimeSpan? retryAfter = null;
            var attemptToken = timeouts.StartAttempt();
            var signedAt = _time.GetUtcNow().UtcDateTime + _clockOffsets.GetValueOrDefault(uri.Authority);
            try
            {
                using var message = await CreateSignedRequestAsync(method, uri, body, connection, credentials, signedAt, attemptToken).ConfigureAwait(false);
                var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false);
                var answer = await SesAnswer.ReadAsync(response, attempt, attemptToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return answer;
                }

                using var failed = answer;
                var error = SesError.Parse(response, answer.Body);
                var serverOffset = response.Headers.Date is { } serverDate ? serverDate.UtcDateTime - signedAt : (TimeSpan?)null;
                kind = error.Classify(serverOffset);
                if (kind == SesErrorKind.ClockSkew && serverOffset is { } offset)
                {
                    _clockOffsets[uri.Authority] = _clockOffsets.GetValueOrDefault(uri.Authority) + offset;
                    Log.ClockSkewCorrected(_logger, uri.Authority, offset.TotalSeconds);
                }
                else if (kind == SesErrorKind.ClockSkew)
                {
                    kind = SesErrorKind.Final; // Nothing to correct by: the answer had no Date.
                }

                if (kind == SesErrorKind.Final || attempt >= options.MaxAttempts)
                {
                    throw error.ToConnectorError(operation, attempt);
                }

                reason = error.Type ?? string.Create(CultureInfo.InvariantCulture, $"HTTP {error.StatusCode}");
                retryAfter = RetryBackoff.FromRetryAfterHeader(response, options);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException exception) when (timeouts.DeadlinePassed)
            {
                throw TimedOut(operation, uri, options.Timeout, attempt, exception);
            }
            catch (OperationCanceledException exception) when (timeouts.AttemptTimedOut)
            {
                kind = SesErrorKind.Transient;
                reason = "attempt timed out";
                lastTransportFailure = exception;
                if (attempt >= options.MaxAttempts)
                {
                    throw TimedOut(operation, uri, options.AttemptTimeout, attempt, exception);
                }
            }
            catch (HttpRequestException exception) when (exception.HttpRequestError != HttpRequestError.SecureConnectionError)
            {
                kind = SesErrorKind.Transient;
                reason = exception.HttpRequestError.ToString();
                lastTransportFailure = exception;
                if (attempt >= options.MaxAttempts)
                {
                    throw Unreachable(operation, uri, attempt, exception);
                }
            }
            catch (Exception exception) when (exception is not ConnectorError and not OperationCanceledException)
            {
                throw Unreachable(operation, uri, attempt, exception);
            }

            var delay = kind == SesErrorKind.ClockSkew
                ? TimeSpan.Zero
                : retryAfter ?? RetryBackoff.Compute(options, kind, attempt, _random());
            Log.Retrying(_logger, operation, attempt, reason, (long)delay.TotalMilliseconds);
            AwsSesTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("rpc.method", operation), new KeyValuePair<string, object?>("retry.reason", kind.ToString()));
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, timeouts.StartBackoff()).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException exception)
            {
                throw TimedOut(operation, uri, options.Timeout, attempt, lastTransportFailure ?? exception);
            }
        }
    }

    private static async ValueTask<HttpRequestMessage> CreateSignedRequestAsync(
        HttpMethod method, Uri uri, PooledJsonBody? body, ResolvedConnection connection, AWSCredentials credentials, DateTime signedAt, CancellationToken cancellationToken)
    {
        var signingRequest = new AWSSigningRequest { HttpMethod = method, RequestUri = uri };
        if (body is not null)
        {
            // The body's hash, computed once per call: the signer uses it instead of hashing the body.
            signingRequest.Headers["content-type"] = JsonContentType.MediaType!;
            signingRequest.Headers[ContentSha256Header] = body.Sha256Hex;
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = connection.Region,
            Service = AwsSesDefaults.SigningName,
            SignedAt = signedAt,
        };
        AWSSigningResult signature;
        try
        {
            // The config's own keys never need I/O to resolve: sign synchronously, without tasks.
            // Credentials from the default chain may refresh themselves over the network: await them.
            signature = connection.Credentials is not null
                ? AWSSigV4Signer.Sign(signingRequest, parameters)
                : await AWSSigV4Signer.SignAsync(signingRequest, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Refreshing credentials (roles, SSO) fail here when their source is gone.
            throw new ConnectorError(ConnectorErrorCode.InvalidConfig, "The AWS credentials could not be resolved for signing: " + exception.GetType().Name + ". Check the credential source (keys, profile or role).", exception);
        }

        var message = new HttpRequestMessage(method, uri) { Version = System.Net.HttpVersion.Version11 };
        if (body is not null)
        {
            message.Content = new ReadOnlyMemoryContent(body.Memory);
            message.Content.Headers.ContentType = JsonContentType;
        }

        foreach (var header in signature.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return message;
    }

    private static ConnectorError TimedOut(string operation, Uri uri, TimeSpan limit, int attempts, Exception cause) =>
        new(ConnectorErrorCode.General, string.Create(CultureInfo.InvariantCulture, $"SES {operation} at {uri.Authority} timed out after {limit.TotalSeconds:0.###} s ({attempts} attempt(s))."), cause)
        {
            Attempts = attempts,
        };

    private static ConnectorError Unreachable(string operation, Uri uri, int attempts, Exception cause) =>
        new(ConnectorErrorCode.General, string.Create(CultureInfo.InvariantCulture, $"SES {operation} at {uri.Authority} could not be reached after {attempts} attempt(s): {cause.Message}"), cause)
        {
            Attempts = attempts,
        };

    /// <summary>What one <see cref="SesConnectionSettings"/> resolves to.</summary>
    internal sealed record ResolvedConnection(Uri SendEmailUri, Uri AccountUri, RegionEndpoint Region, AWSCredentials? Credentials);
}
