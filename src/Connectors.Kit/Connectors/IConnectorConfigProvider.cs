using System.Text.Json;

namespace Connectors.Kit.Connectors;

/// <summary>
/// A host hook that supplies a connector instance's stored config JSON, e.g. one per tenant
/// read from the host's database. When registered, it wins over configuration-bound options.
/// </summary>
public interface IConnectorConfigProvider
{
    /// <summary>Gets the stored config of a connector instance.</summary>
    /// <param name="instanceName">The connector instance's name in the registry.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The config JSON, or <see langword="null"/> when the host stores none (options are then used).</returns>
    ValueTask<JsonElement?> GetConfigAsync(string instanceName, CancellationToken cancellationToken);
}
