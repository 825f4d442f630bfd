using System.Text.Json;
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
public sealed partial class AwsSesConnector : IEmailConnector
{
    private readonly IOptionsMonitor<AwsSesConnectorOptions> _options;
    private readonly ISesClient _client;
    private readonly IConnectorConfigProvider? _configProvider;
    private readonly ILocalizedEmailTemplateProvider? _localizedTemplates;
    private readonly ILogger _logger;
    private readonly PreparedConfigCache _preparedConfigs = new();

    internal AwsSesConnector(
        string instanceName,
        IOptionsMonitor<AwsSesConnectorOptions> options,
        ISesClient client,
        IConnectorConfigProvider? configProvider = null,
        ILocalizedEmailTemplateProvider? localizedTemplates = null,
        ILogger? logger = null)
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
    }

    /// <inheritdoc />
    public string InstanceName { get; }

    /// <inheritdoc />
    public ConnectorMetadata Metadata => AwsSesMetadata.Value;

    /// <inheritdoc />
    public ConnectorType Type => ConnectorType.Email;

    /// <inheritdoc />
    public void ValidateConfig(JsonElement config) => AwsSesConfigReader.Read(config);

    /// <inheritdoc />
    public async Task<string> SendMessageAsync(SendMessageData data, JsonElement? inputConfig = null, CancellationToken cancellationToken = default)
    {
        var (config, request) = await PrepareAsync(data, inputConfig, cancellationToken).ConfigureAwait(false);
        return await _client.SendEmailAsync(config.Connection, request, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reads the account's sending state and quota (SES v2 <c>GetAccount</c>) with the stored config.</summary>
    internal async Task<GetAccountResponse> GetAccountAsync(JsonElement? inputConfig, CancellationToken cancellationToken)
    {
        var config = await ResolveConfigAsync(inputConfig, cancellationToken).ConfigureAwait(false);
        return await _client.GetAccountAsync(config.Connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Does everything a send does but the sending: resolves and validates the config, checks
    /// the recipient, picks and renders the template and builds the SES request.
    /// </summary>
    internal async Task<(PreparedConfig Config, SendEmailRequest Request)> PrepareAsync(SendMessageData data, JsonElement? inputConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Enum.IsDefined(data.Type))
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidRequestParameters, $"The usage type {(int)data.Type} is not one of {string.Join(", ", TemplateTypes.All.Select(t => t.ToWireName()))}.");
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

        return _preparedConfigs.FromOptions(_options.Get(InstanceName));
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
                LogLocalizedTemplateFailed(_logger, exception, data.Type.ToWireName());
            }
        }

        return config.FindTemplate(data.Type)
            ?? throw new ConnectorError(ConnectorErrorCode.TemplateNotFound, $"No template for usage type {data.Type.ToWireName()} and no Generic template to fall back to.");
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "The localized template lookup for {UsageType} failed; using the configured template.")]
    private static partial void LogLocalizedTemplateFailed(ILogger logger, Exception exception, string usageType);
}
