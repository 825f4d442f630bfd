using System.Globalization;
using System.Text;
using System.Text.Json;
using Connectors.Kit.Messages;

namespace Connectors.Kit.Templates;

/// <summary>
/// Looks a placeholder path up in a payload and turns the value into text as JavaScript's
/// <c>String(value ?? '')</c> would, which is what Logto's renderer does.
/// </summary>
internal static class PayloadValueResolver
{
    /// <summary>Resolves <paramref name="path"/> (already split on '.') against <paramref name="payload"/>.</summary>
    /// <returns>
    /// <see langword="false"/> when the root name is absent from the payload (the placeholder then
    /// stays literal); otherwise <see langword="true"/>, with the value appended to <paramref name="output"/>.
    /// </returns>
    public static bool TryAppend(SendMessagePayload payload, string[] path, StringBuilder output)
    {
        var root = path[0];
        string? named = root switch
        {
            "code" => payload.Code,
            "link" => payload.Link,
            "locale" => payload.Locale,
            "uiLocales" => payload.UiLocales,
            _ => null,
        };

        if (named is not null)
        {
            // Under a string only 'length' exists (lodash's get), anything else renders as empty.
            if (path.Length == 1)
            {
                output.Append(named);
            }
            else if (path.Length == 2 && path[1] == "length")
            {
                output.Append(named.Length);
            }

            return true;
        }

        // A null dictionary (a payload deserialized from "Values": null) holds no values.
        if (payload.Values is not { } values || !values.TryGetValue(root, out var element))
        {
            return false;
        }

        for (var i = 1; i < path.Length; i++)
        {
            if (i == path.Length - 1 && path[i] == "length" && TryAppendLength(element, output))
            {
                return true;
            }

            if (!TryStep(element, path[i], out element))
            {
                return true;
            }
        }

        AppendJsString(element, output);
        return true;
    }

    // JavaScript arrays and strings have a 'length' (UTF-16 code units, as .NET's string length).
    private static bool TryAppendLength(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                output.Append(element.GetArrayLength());
                return true;
            case JsonValueKind.String:
                output.Append(element.GetString()!.Length);
                return true;
            default:
                return false;
        }
    }

    private static bool TryStep(JsonElement element, string key, out JsonElement next)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return element.TryGetProperty(key, out next);
            case JsonValueKind.Array:
                // Only a canonical index names an element, as in JavaScript: "01" is not index 1.
                if ((key.Length == 1 || key[0] != '0')
                    && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < element.GetArrayLength())
                {
                    next = element[index];
                    return true;
                }

                break;
        }

        next = default;
        return false;
    }

    private static void AppendJsString(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                output.Append(JsonStrings.GetString(element));
                break;
            case JsonValueKind.Number:
                output.Append(JsNumberFormatter.Format(element.GetDouble()));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Object:
                output.Append("[object Object]");
                break;
            case JsonValueKind.Array:
                // Array.prototype.toString: elements joined by ',', null and undefined as empty.
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Append(',');
                    }

                    first = false;
                    AppendJsString(item, output);
                }

                break;
            default:
                // null (and undefined) render as empty: String(value ?? '').
                break;
        }
    }
}
