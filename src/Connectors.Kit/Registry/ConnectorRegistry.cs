using Connectors.Kit.Connectors;
using Connectors.Kit.Errors;
using Connectors.Kit.Metadata;

namespace Connectors.Kit.Registry;

/// <summary>The default <see cref="IConnectorRegistry"/>: it creates each registered connector once, on first use.</summary>
public sealed class ConnectorRegistry : IConnectorRegistry
{
    private readonly Lazy<IReadOnlyList<IEmailConnector>> _connectors;

    /// <summary>Initializes a new instance of the <see cref="ConnectorRegistry"/> class.</summary>
    /// <param name="registrations">The registrations; instance names must be unique.</param>
    /// <param name="services">The provider the factories create connectors from.</param>
    /// <exception cref="ArgumentException">Two registrations share an instance name.</exception>
    public ConnectorRegistry(IEnumerable<ConnectorRegistration> registrations, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(services);
        var list = registrations.ToList();
        var duplicate = list.GroupBy(r => r.InstanceName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two connectors are registered with the instance name '{duplicate.Key}'; give each a unique name.", nameof(registrations));
        }

        _connectors = new Lazy<IReadOnlyList<IEmailConnector>>(() => list.Select(r => r.Factory(services)).ToList());
    }

    /// <inheritdoc />
    public IReadOnlyList<IEmailConnector> Connectors => _connectors.Value;

    /// <inheritdoc />
    public IEmailConnector? Find(string instanceName) =>
        Connectors.FirstOrDefault(c => string.Equals(c.InstanceName, instanceName, StringComparison.Ordinal));

    /// <inheritdoc />
    public IEmailConnector Get(string instanceName) =>
        Find(instanceName) ?? throw new ConnectorError(ConnectorErrorCode.NotFound, $"No connector is registered with the instance name '{instanceName}'.");

    /// <inheritdoc />
    public IReadOnlyList<IEmailConnector> FindByConnectorId(string connectorId) =>
        Connectors.Where(c => string.Equals(c.Metadata.Id, connectorId, StringComparison.Ordinal)).ToList();

    /// <inheritdoc />
    public IReadOnlyList<IEmailConnector> FindByTarget(string target) =>
        Connectors.Where(c => string.Equals(c.Metadata.Target, target, StringComparison.Ordinal)).ToList();

    /// <inheritdoc />
    public IReadOnlyList<IEmailConnector> FindByType(ConnectorType type) =>
        Connectors.Where(c => c.Type == type).ToList();
}
