using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Connectors.Kit.Templates;

/// <summary>
/// Reads JSON strings and property names that System.Text.Json refuses to decode: an escaped
/// unpaired surrogate (<c>"\ud800"</c>) is valid JSON (RFC 8259) but not valid UTF-16 text, and
/// <see cref="JsonElement.GetString"/> throws <see cref="InvalidOperationException"/> for it.
/// </summary>
internal static class JsonStrings
{
    /// <summary>
    /// Gets a JSON string's text; each unpaired surrogate becomes U+FFFD, which is also what
    /// <see cref="Utf8JsonWriter"/> writes for one, so the text is what would reach the wire.
    /// </summary>
    /// <param name="element">A JSON string.</param>
    /// <returns>The text.</returns>
    public static string GetString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            return DecodeLenient(element.GetRawText());
        }
    }

    /// <summary>Gets a property's name, unless it holds an unpaired surrogate (then no placeholder or config key can name it).</summary>
    /// <param name="property">The property.</param>
    /// <param name="name">The name.</param>
    /// <returns>Whether the name is valid text.</returns>
    public static bool TryGetName(JsonProperty property, [NotNullWhen(true)] out string? name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }

    // raw is the string token as written: quotes and escapes included.
    private static string DecodeLenient(string raw)
    {
        var units = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c == '\\')
            {
                var escape = raw[++i];
                c = escape switch
                {
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'u' => (char)ushort.Parse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                    _ => escape, // '"', '\\' and '/'.
                };
                if (escape == 'u')
                {
                    i += 4;
                }
            }

            units.Append(c);
        }

        // Rune enumeration keeps well-formed pairs and yields U+FFFD for each unpaired surrogate.
        var text = new StringBuilder(units.Length);
        foreach (var rune in units.ToString().EnumerateRunes())
        {
            text.Append(rune.ToString());
        }

        return text.ToString();
    }
}
