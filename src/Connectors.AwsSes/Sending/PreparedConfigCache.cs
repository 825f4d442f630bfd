using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Connectors.AwsSes.Configuration;

namespace Connectors.AwsSes.Sending;

/// <summary>
/// Keeps the prepared form of each config so that validation, address parsing and template
/// parsing happen once per config, not once per email: per options instance (options reloads
/// make a new instance) and per config JSON text (tenant configs and test configs).
/// </summary>
internal sealed class PreparedConfigCache
{
    private const int JsonCapacity = 256;

    private readonly ConditionalWeakTable<AwsSesConnectorOptions, PreparedConfig> _byOptions = [];
    private readonly ConcurrentDictionary<string, PreparedConfig> _byJson = new(StringComparer.Ordinal);

    public PreparedConfig FromOptions(AwsSesConnectorOptions options)
    {
        if (_byOptions.TryGetValue(options, out var prepared))
        {
            return prepared;
        }

        // Invalid options throw here every time: nothing is cached for them.
        prepared = PreparedConfig.Create(options);
        return _byOptions.GetValue(options, _ => prepared);
    }

    public PreparedConfig FromJson(JsonElement json)
    {
        var text = json.GetRawText();
        if (_byJson.TryGetValue(text, out var prepared))
        {
            return prepared;
        }

        prepared = PreparedConfig.Create(AwsSesConfigReader.Read(json));
        if (_byJson.Count >= JsonCapacity)
        {
            _byJson.Clear();
        }

        _byJson[text] = prepared;
        return prepared;
    }
}
