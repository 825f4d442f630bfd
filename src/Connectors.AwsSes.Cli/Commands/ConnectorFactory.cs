using Connectors.AwsSes.Configuration;

namespace Connectors.AwsSes.Cli.Commands;

/// <summary>Makes the connector the verbs use: outside DI, with the config passed per call.</summary>
internal static class ConnectorFactory
{
    public static AwsSesConnector Create() => AwsSesConnector.Create(new AwsSesConnectorOptions());
}
