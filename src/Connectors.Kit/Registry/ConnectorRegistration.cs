using Connectors.Kit.Connectors;

namespace Connectors.Kit.Registry;

/// <summary>One connector instance known to the registry: its name and how to create it.</summary>
/// <remarks>Connector packages add these through their dependency-injection extensions; hosts rarely create them.</remarks>
public sealed class ConnectorRegistration
{
    /// <summary>Initializes a new instance of the <see cref="ConnectorRegistration"/> class.</summary>
    /// <param name="instanceName">The instance's unique name in the registry.</param>
    /// <param name="factory">Creates the connector (once; the registry keeps it).</param>
    public ConnectorRegistration(string instanceName, Func<IServiceProvider, IEmailConnector> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceName);
        ArgumentNullException.ThrowIfNull(factory);
        InstanceName = instanceName;
        Factory = factory;
    }

    /// <summary>Gets the instance's unique name.</summary>
    public string InstanceName { get; }

    /// <summary>Gets the factory.</summary>
    public Func<IServiceProvider, IEmailConnector> Factory { get; }
}
