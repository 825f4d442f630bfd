using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Cli;

/// <summary>
/// Reads the <c>--config</c> file. Its content is never echoed: problems are reported by file name
/// and position only, since the file holds the secret key.
/// </summary>
internal static class ConfigFile
{
    /// <summary>The config key <c>--endpoint</c> sets.</summary>
    public const string EndpointKey = "endpoint";

    /// <summary>Reads and parses the config file, then applies <paramref name="endpoint"/> over its <c>endpoint</c> key.</summary>
    /// <param name="path">The file.</param>
    /// <param name="endpoint">The <c>--endpoint</c> value, if given.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The config JSON; the caller disposes it.</returns>
    /// <exception cref="ConnectorError"><c>invalid_config</c>: the file cannot be read or is not JSON.</exception>
    public static async Task<JsonDocument> LoadAsync(string path, string? endpoint, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                throw new ConnectorError(ConnectorErrorCode.InvalidConfig, $"The config file '{path}' could not be read: it is a directory.");
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidConfig, $"The config file '{path}' could not be read: {Describe(exception)}", exception);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutByteOrderMark(bytes));
        }
        catch (JsonException exception)
        {
            if (JsonDepth.OnlyTooDeep(WithoutByteOrderMark(bytes)))
            {
                throw new ConnectorError(ConnectorErrorCode.InvalidConfig, $"The config file '{path}' is nested more than {JsonDepth.MaxDepth} levels deep.");
            }

            // The parser's own message may quote the file's text; the position is enough.
            var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } column
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {column + 1})")
                : string.Empty;
            throw new ConnectorError(ConnectorErrorCode.InvalidConfig, $"The config file '{path}' is not valid JSON{where}.");
        }

        if (endpoint is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return document; // A non-object config is reported by the connector's own validation.
        }

        using (document)
        {
            return WithEndpoint(document.RootElement, endpoint);
        }
    }

    /// <summary>Copies the config object with its <c>endpoint</c> key set to <paramref name="endpoint"/>.</summary>
    internal static JsonDocument WithEndpoint(JsonElement config, string endpoint)
    {
        // Copied as raw JSON: a JSON writer refuses strings JSON allows but .NET cannot decode (an
        // escaped unpaired surrogate, "\ud800"), and those are for the connector's validation to report.
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("{"u8);
        foreach (var property in config.EnumerateObject())
        {
            if (IsEndpointKey(property))
            {
                continue;
            }

            buffer.Write("\""u8);
            buffer.Write(JsonMarshal.GetRawUtf8PropertyName(property));
            buffer.Write("\":"u8);
            buffer.Write(JsonMarshal.GetRawUtf8Value(property.Value));
            buffer.Write(","u8);
        }

        buffer.Write("\""u8);
        buffer.Write(JsonEncodedText.Encode(EndpointKey).EncodedUtf8Bytes);
        buffer.Write("\":\""u8);
        buffer.Write(JsonEncodedText.Encode(endpoint).EncodedUtf8Bytes);
        buffer.Write("\"}"u8);
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static bool IsEndpointKey(JsonProperty property)
    {
        try
        {
            return property.NameEquals(EndpointKey);
        }
        catch (InvalidOperationException)
        {
            return false; // A name holding an unpaired surrogate is not "endpoint".
        }
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes;

    private static string Describe(Exception exception) => exception switch
    {
        FileNotFoundException => "it does not exist.",
        DirectoryNotFoundException => "its directory does not exist.",
        UnauthorizedAccessException => "permission denied.",
        _ => exception.Message,
    };
}
