using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Connectors.AwsSes.Configuration;

namespace Connectors.AwsSes.Sending;

/// <summary>
/// Keeps the prepared form of each config so that validation, address parsing and template
/// parsing happen once per config, not once per email: per options instance (options reloads
/// make a new instance) and per config JSON text (tenant configs and test configs), the latter
/// looked up by its UTF-8 bytes without copying them.
/// </summary>
internal sealed class PreparedConfigCache
{
    private const int JsonCapacity = 256;

    private readonly ConditionalWeakTable<AwsSesConnectorOptions, PreparedConfig> _byOptions = [];
    private readonly ConcurrentDictionary<byte[], PreparedConfig> _byJson;

    // Looks the config's UTF-8 text up as a span: a hit copies nothing.
    private readonly ConcurrentDictionary<byte[], PreparedConfig>.AlternateLookup<ReadOnlySpan<byte>> _byJsonText;

    public PreparedConfigCache()
    {
        _byJson = new ConcurrentDictionary<byte[], PreparedConfig>(RawJsonComparer.Instance);
        _byJsonText = _byJson.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

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
        // The JSON text as it was received (UTF-8, not copied): equal text, same prepared config.
        var text = JsonMarshal.GetRawUtf8Value(json);
        if (_byJsonText.TryGetValue(text, out var prepared))
        {
            return prepared;
        }

        // Read validates already: preparing must not validate the same config a second time.
        prepared = PreparedConfig.FromValidated(AwsSesConfigReader.Read(json));
        if (_byJson.Count >= JsonCapacity)
        {
            _byJson.Clear();
        }

        _byJsonText[text] = prepared;
        return prepared;
    }

    /// <summary>Compares config texts by their UTF-8 bytes, stored as arrays and looked up as spans.</summary>
    private sealed class RawJsonComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly RawJsonComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
