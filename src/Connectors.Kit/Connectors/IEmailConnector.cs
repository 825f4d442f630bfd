using System.Text.Json;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Metadata;

namespace Connectors.Kit.Connectors;

/// <summary>
/// An email connector, the .NET counterpart of a Logto <c>EmailConnector</c>: it validates its
/// config, picks a template for the usage type, renders it and hands the email to a provider.
/// </summary>
public interface IEmailConnector
{
    /// <summary>Gets the name of this connector instance in the host's registry.</summary>
    string InstanceName { get; }

    /// <summary>Gets what an admin console shows about the connector.</summary>
    ConnectorMetadata Metadata { get; }

    /// <summary>Gets the connector type; always <see cref="ConnectorType.Email"/>.</summary>
    ConnectorType Type { get; }

    /// <summary>Validates a config JSON as an admin console would before saving it.</summary>
    /// <param name="config">The config JSON.</param>
    /// <exception cref="ConnectorError">The config is invalid (<c>invalid_config</c>), with every problem named.</exception>
    void ValidateConfig(JsonElement config);

    /// <summary>Sends one email.</summary>
    /// <param name="data">The recipient, usage type and payload.</param>
    /// <param name="inputConfig">A config to use instead of the stored one (the admin console's "send a test email").</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The provider's message id.</returns>
    /// <exception cref="ConnectorError">Anything went wrong; the code says what.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<string> SendMessageAsync(SendMessageData data, JsonElement? inputConfig = null, CancellationToken cancellationToken = default);

    /// <summary>Gets how many emails the provider counts as sent (Logto's optional <c>getUsage</c>).</summary>
    /// <param name="startFrom">The start of the period, when the provider supports one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of emails sent.</returns>
    /// <exception cref="ConnectorError">The provider could not be asked, or the connector cannot tell (<c>not_implemented</c>).</exception>
    Task<long> GetUsageAsync(DateTimeOffset? startFrom = null, CancellationToken cancellationToken = default);
}
