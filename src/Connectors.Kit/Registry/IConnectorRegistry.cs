using Connectors.Kit.Connectors;
using Connectors.Kit.Errors;
using Connectors.Kit.Metadata;

namespace Connectors.Kit.Registry;

/// <summary>
/// The host's connector registry: every registered connector instance, found by its instance
/// name, its connector id (<c>aws-ses-mail</c>), its target (<c>aws-ses</c>) or its type.
/// </summary>
public interface IConnectorRegistry
{
    /// <summary>Gets every registered connector, in registration order.</summary>
    IReadOnlyList<IEmailConnector> Connectors { get; }

    /// <summary>Finds a connector by its instance name.</summary>
    /// <param name="instanceName">The name it was registered with.</param>
    /// <returns>The connector, or <see langword="null"/>.</returns>
    IEmailConnector? Find(string instanceName);

    /// <summary>Gets a connector by its instance name.</summary>
    /// <param name="instanceName">The name it was registered with.</param>
    /// <returns>The connector.</returns>
    /// <exception cref="ConnectorError"><c>not_found</c> when no connector has that name.</exception>
    IEmailConnector Get(string instanceName);

    /// <summary>Finds the connectors whose metadata id is <paramref name="connectorId"/> (e.g. <c>aws-ses-mail</c>).</summary>
    /// <param name="connectorId">The connector id.</param>
    /// <returns>The matching connectors, possibly none.</returns>
    IReadOnlyList<IEmailConnector> FindByConnectorId(string connectorId);

    /// <summary>Finds the connectors whose target is <paramref name="target"/> (e.g. <c>aws-ses</c>).</summary>
    /// <param name="target">The target.</param>
    /// <returns>The matching connectors, possibly none.</returns>
    IReadOnlyList<IEmailConnector> FindByTarget(string target);

    /// <summary>Finds the connectors of a type.</summary>
    /// <param name="type">The connector type.</param>
    /// <returns>The matching connectors, possibly none.</returns>
    IReadOnlyList<IEmailConnector> FindByType(ConnectorType type);
}
