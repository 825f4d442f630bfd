using System.Text.Json;
using Connectors.Kit.Templates;

namespace Connectors.Kit.Messages;

/// <summary>
/// The values a template's placeholders are filled from: Logto's <c>code</c>, <c>link</c>,
/// <c>locale</c> and <c>uiLocales</c>, plus any other JSON values the host adds
/// (for example <c>organization</c> for an invitation).
/// </summary>
public sealed class SendMessagePayload
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoValues = new Dictionary<string, JsonElement>();

    /// <summary>Gets the verification code, rendered by <c>{{ code }}</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Gets a magic or invitation link, rendered by <c>{{ link }}</c>.</summary>
    public string? Link { get; init; }

    /// <summary>Gets the locale the host chose for the email (e.g. <c>fr-CA</c>); it selects localized templates.</summary>
    public string? Locale { get; init; }

    /// <summary>Gets the UI locales the end user asked for, as sent by the client.</summary>
    public string? UiLocales { get; init; }

    /// <summary>
    /// Gets any other payload values by their root name, as JSON. A value here with the same name
    /// as a named property above is ignored in favour of the property.
    /// </summary>
    /// <value>An empty dictionary by default.</value>
    public IReadOnlyDictionary<string, JsonElement> Values { get; init; } = NoValues;

    /// <summary>Creates a payload from a JSON object, taking the four well-known keys from it when they are strings.</summary>
    /// <param name="json">A JSON object.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object.</exception>
    /// <remarks>
    /// JSON may escape an unpaired surrogate (<c>"\ud800"</c>), which is not text: such a string is
    /// read with U+FFFD in its place, and such a key is skipped (no placeholder can name it).
    /// </remarks>
    public static SendMessagePayload FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The payload must be a JSON object.", nameof(json));
        }

        string? code = null, link = null, locale = null, uiLocales = null;
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            // A name holding an unpaired surrogate ("\ud800") is not text: no placeholder can name it.
            if (!JsonStrings.TryGetName(property, out var name))
            {
                continue;
            }

            var isString = property.Value.ValueKind == JsonValueKind.String;
            switch (name)
            {
                case "code" when isString: code = JsonStrings.GetString(property.Value); break;
                case "link" when isString: link = JsonStrings.GetString(property.Value); break;
                case "locale" when isString: locale = JsonStrings.GetString(property.Value); break;
                case "uiLocales" when isString: uiLocales = JsonStrings.GetString(property.Value); break;
                default: values[name] = property.Value.Clone(); break;
            }
        }

        return new SendMessagePayload { Code = code, Link = link, Locale = locale, UiLocales = uiLocales, Values = values };
    }
}
