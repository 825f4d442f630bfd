using System.Text.Json;

namespace Connectors.AwsSes.Cli;

/// <summary>
/// Tells JSON that is only too deep for the parser's default limit from JSON that is not valid,
/// so that a deep document is not reported as "not valid JSON".
/// </summary>
internal static class JsonDepth
{
    /// <summary>The nesting <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> allows by default.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Unlimited = new() { MaxDepth = int.MaxValue };

    /// <summary>Gets whether <paramref name="json"/>, which failed to parse, parses without the depth limit.</summary>
    public static bool OnlyTooDeep(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Unlimited);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <inheritdoc cref="OnlyTooDeep(string)"/>
    public static bool OnlyTooDeep(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Unlimited);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
