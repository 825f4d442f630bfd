using System.Diagnostics;
using System.Text.Json;
using Connectors.AwsSes.Diagnostics;
using Connectors.AwsSes.Addresses;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Sending;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.Kit.Connectors;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Metadata;
using Connectors.Kit.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Connectors.AwsSes;

/// <summary>
/// Sends verification and passwordless emails through Amazon SES v2, with Logto's
/// <c>@logto/connector-aws-ses</c> config and semantics.
/// </summary>
/// <remarks>
/// Thread-safe and meant to be a singleton. The config used by a send is, in order: the
/// <c>inputConfig</c> argument, the host's <see cref="IConnectorConfigProvider"/> entry for
/// <see cref="InstanceName"/>, then the named <see cref="AwsSesConnectorOptions"/>.
/// </remarks>
public sealed class AwsSesConnector : IEmailConnector
{
    private readonly IOptionsMonitor<AwsSesConnectorOptions> _options;
    private readonly ISesClient _client;
    private readonly IConnectorConfigProvider? _configProvider;
    private readonly ILocalizedEmailTemplateProvider? _localizedTemplates;
    private readonly ILogger _logger;
    private readonly PreparedConfigCache _preparedConfigs = new();
    private readonly bool _logRecipients;

    internal AwsSesConnector(
        string instanceName,
        IOptionsMonitor<AwsSesConnectorOptions> options,
        ISesClient client,
        IConnectorConfigProvider? configProvider = null,
        ILocalizedEmailTemplateProvider? localizedTemplates = null,
        ILogger? logger = null,
        bool logRecipients = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        InstanceName = instanceName;
        _options = options;
        _client = client;
        _configProvider = configProvider;
        _localizedTemplates = localizedTemplates;
        _logger = logger ?? NullLogger.Instance;
        _logRecipients = logRecipients;
    }

    /// <inheritdoc />
    public string InstanceName { get; }

    /// <inheritdoc />
    public ConnectorMetadata Metadata => AwsSesMetadata.Value;

    /// <inheritdoc />
    public ConnectorType Type => ConnectorType.Email;

    /// <inheritdoc />
    public void ValidateConfig(JsonElement config) => AwsSesConfigReader.Read(config);

    /// <summary>
    /// Creates a connector outside dependency injection, for scripts, tools and tests. It sends
    /// through the process-wide pooled HTTP connections.
    /// </summary>
    /// <param name="options">The config.</param>
    /// <param name="clientOptions">Retry and timeout settings; the AWS SDKs' standard mode by default.</param>
    /// <param name="localizedTemplates">A host hook for localized templates, if any.</param>
    /// <param name="loggerFactory">Where logs go; nowhere by default.</param>
    /// <returns>The connector, named <see cref="AwsSesDefaults.DefaultInstanceName"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientOptions"/> holds an invalid value.</exception>
    /// <remarks>The config is validated at the first send (a <see cref="ConnectorError"/> with <c>invalid_config</c>); call <see cref="ValidateOptions"/> to check it earlier.</remarks>
    public static AwsSesConnector Create(
        AwsSesConnectorOptions options,
        AwsSesClientOptions? clientOptions = null,
        ILocalizedEmailTemplateProvider? localizedTemplates = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        clientOptions ??= new AwsSesClientOptions();
        if (clientOptions.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(clientOptions));
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        var client = new SesHttpClient(SesHttp.Shared, () => clientOptions, logger: loggerFactory.CreateLogger<SesHttpClient>());
        return new AwsSesConnector(
            AwsSesDefaults.DefaultInstanceName,
            new FixedOptionsMonitor<AwsSesConnectorOptions>(options),
            client,
            localizedTemplates: localizedTemplates,
            logger: loggerFactory.CreateLogger<AwsSesConnector>());
    }

    /// <summary>Validates typed options as <see cref="ValidateConfig"/> validates JSON.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ConnectorError">The options are invalid (<c>invalid_config</c>), with every problem named.</exception>
    public static void ValidateOptions(AwsSesConnectorOptions options) => AwsSesConfigValidator.ThrowIfInvalid(options);

    /// <inheritdoc />
    public async Task<string> SendMessageAsync(SendMessageData data, JsonElement? inputConfig = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var usageType = Enum.IsDefined(data.Type) ? data.Type.ToWireName() : "unknown";
        var started = Stopwatch.GetTimestamp();
        using var activity = AwsSesTelemetry.ActivitySource.StartActivity(AwsSesTelemetry.SendActivityName, ActivityKind.Client);
        activity?.SetTag("connector.id", AwsSesDefaults.ConnectorId);
        activity?.SetTag("connector.instance", InstanceName);
        activity?.SetTag("connector.usage_type", usageType);
        var usageTag = new KeyValuePair<string, object?>("connector.usage_type", usageType);
        try
        {
            var (config, request) = await PrepareAsync(data, inputConfig, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("cloud.region", config.Connection.Region);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.Sending(_logger, usageType, LogRecipient(data.To), config.Connection.Region);
            }

            var messageId = await _client.SendEmailAsync(config.Connection, request, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("aws.ses.message_id", messageId);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                Log.Sent(_logger, usageType, LogRecipient(data.To), messageId);
            }

            AwsSesTelemetry.Sends.Add(1, usageTag);
            AwsSesTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, usageTag, new KeyValuePair<string, object?>("outcome", "success"));
            return messageId;
        }
        catch (ConnectorError error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.CodeString);
            activity?.SetTag("error.type", error.CodeString);
            activity?.SetTag("aws.error_type", error.ServiceErrorType);
            activity?.SetTag("aws.request_id", error.RequestId);
            Log.SendFailed(_logger, usageType, LogRecipient(data.To), error.CodeString, error.ServiceErrorType, error.Attempts, error.Message);
            AwsSesTelemetry.Failures.Add(1, usageTag, new KeyValuePair<string, object?>("error.code", error.CodeString), new KeyValuePair<string, object?>("aws.error_type", error.ServiceErrorType));
            AwsSesTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, usageTag, new KeyValuePair<string, object?>("outcome", "failure"));
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>SES reports the emails sent in the last 24 hours (<c>SentLast24Hours</c>); <paramref name="startFrom"/> is not supported by SES and is ignored.</remarks>
    public async Task<long> GetUsageAsync(DateTimeOffset? startFrom = null, CancellationToken cancellationToken = default)
    {
        var config = await ResolveConfigAsync(null, cancellationToken).ConfigureAwait(false);
        var account = await _client.GetAccountAsync(config.Connection, cancellationToken).ConfigureAwait(false);
        if (account.SendQuota?.SentLast24Hours is not { } sent)
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidResponse, "SES GetAccount answered without SendQuota.SentLast24Hours.");
        }

        return (long)sent;
    }

    /// <summary>Reads the account's sending state and quota (SES v2 <c>GetAccount</c>) with <paramref name="inputConfig"/>, else the stored config.</summary>
    internal async Task<GetAccountResponse> GetAccountAsync(JsonElement? inputConfig, CancellationToken cancellationToken)
    {
        var config = await ResolveConfigAsync(inputConfig, cancellationToken).ConfigureAwait(false);
        return await _client.GetAccountAsync(config.Connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Does everything a send does but the sending: resolves and validates the config, checks
    /// the recipient, picks and renders the template and builds the SES request.
    /// </summary>
    internal async ValueTask<(PreparedConfig Config, SendEmailRequest Request)> PrepareAsync(SendMessageData data, JsonElement? inputConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Enum.IsDefined(data.Type))
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidRequestParameters, $"The usage type {(int)data.Type} is not one of {string.Join(", ", TemplateTypes.All.Select(t => t.ToWireName()))}.");
        }

        if (data.Payload is null)
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidRequestParameters, "The message's Payload is null; leave it out (or use an empty SendMessagePayload) when there are no values.");
        }

        if (!EmailAddressParser.TryParseAddress(data.To, out var recipient, out var problem))
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidRequestParameters, "The recipient address " + problem + ".");
        }

        var config = await ResolveConfigAsync(inputConfig, cancellationToken).ConfigureAwait(false);
        var template = await FindTemplateAsync(config, data, cancellationToken).ConfigureAwait(false);
        var request = SendEmailRequestBuilder.Build(config, template, recipient, data);
        return (config, request);
    }

    private async ValueTask<PreparedConfig> ResolveConfigAsync(JsonElement? inputConfig, CancellationToken cancellationToken)
    {
        if (inputConfig is { } input)
        {
            return _preparedConfigs.FromJson(input);
        }

        if (_configProvider is not null)
        {
            var stored = await _configProvider.GetConfigAsync(InstanceName, cancellationToken).ConfigureAwait(false);
            if (stored is { } storedJson)
            {
                return _preparedConfigs.FromJson(storedJson);
            }
        }

        AwsSesConnectorOptions options;
        try
        {
            options = _options.Get(InstanceName);
        }
        catch (OptionsValidationException exception)
        {
            // A configuration reloaded with an invalid config after start: reported as every invalid config is.
            throw new ConnectorError(ConnectorErrorCode.InvalidConfig, string.Join(" ", exception.Failures), exception);
        }
        catch (InvalidOperationException exception)
        {
            // The configuration binder could not convert a value (e.g. "useFipsEndpoint": "yes").
            throw new ConnectorError(ConnectorErrorCode.InvalidConfig, $"The config of AWS SES connector '{InstanceName}' could not be read: {exception.Message}", exception);
        }

        return _preparedConfigs.FromOptions(options);
    }

    private async ValueTask<PreparedTemplate> FindTemplateAsync(PreparedConfig config, SendMessageData data, CancellationToken cancellationToken)
    {
        if (_localizedTemplates is not null)
        {
            try
            {
                var localized = await _localizedTemplates.GetTemplateAsync(data.Type, data.Payload.Locale, cancellationToken).ConfigureAwait(false);
                if (localized is not null && !string.IsNullOrEmpty(localized.Subject) && !string.IsNullOrEmpty(localized.Content))
                {
                    return TemplateCache.Shared.GetOrAdd(localized);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // As Logto: a failing template store must not stop a sign-in email.
                Log.LocalizedTemplateFailed(_logger, exception, data.Type.ToWireName());
            }
        }

        return config.FindTemplate(data.Type)
            ?? throw new ConnectorError(ConnectorErrorCode.TemplateNotFound, $"No template for usage type {data.Type.ToWireName()} and no Generic template to fall back to.");
    }

    // Only computed when a log line is written: masking allocates.
    private string LogRecipient(string? address) => _logRecipients ? address ?? string.Empty : AddressMasking.Mask(address);
}
