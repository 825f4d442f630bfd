using System.Globalization;
using System.Text.Json;
using Connectors.Kit.Messages;

namespace Connectors.AwsSes.Cli;

/// <summary>Builds the <see cref="SendMessageData"/> of <c>send</c> and <c>render</c> from their options.</summary>
internal static class MessageInput
{
    /// <summary>The options both verbs share, in synopsis order.</summary>
    public static IReadOnlyList<CliOption> Options { get; } =
        [CliOption.Config, CliOption.To, CliOption.Type, CliOption.Code, CliOption.Payload, CliOption.Locale];

    /// <summary>Reads <c>--to</c>, <c>--type</c>, <c>--payload</c>, <c>--code</c> and <c>--locale</c>.</summary>
    /// <exception cref="UsageException">An unknown <c>--type</c>, or a <c>--payload</c> that is not a JSON object.</exception>
    public static SendMessageData FromArguments(CliArguments args)
    {
        var typeName = args.Required(CliOption.Type);
        if (!TemplateTypes.TryParse(typeName, out var type))
        {
            throw new UsageException($"--type '{typeName}' is not a usage type; expected one of {string.Join(", ", TemplateTypes.All.Select(t => t.ToWireName()))} (case-sensitive).");
        }

        return new SendMessageData
        {
            To = args.Required(CliOption.To),
            Type = type,
            Payload = BuildPayload(args[CliOption.Payload], args[CliOption.Code], args[CliOption.Locale]),
        };
    }

    /// <summary>Merges <paramref name="payloadJson"/> under <paramref name="code"/> and <paramref name="locale"/>, which win.</summary>
    internal static SendMessagePayload BuildPayload(string? payloadJson, string? code, string? locale)
    {
        // Read as a payload, not copied through a JSON writer, which refuses strings JSON allows
        // but .NET cannot decode (an escaped unpaired surrogate, "\ud800"); the payload reads those.
        using var payload = ParsePayload(payloadJson);
        var parsed = payload is null ? new SendMessagePayload() : SendMessagePayload.FromJson(payload.RootElement);
        return new SendMessagePayload
        {
            Code = code ?? parsed.Code,
            Link = parsed.Link,
            Locale = locale ?? parsed.Locale,
            UiLocales = parsed.UiLocales,
            Values = parsed.Values,
        };
    }

    private static JsonDocument? ParsePayload(string? json)
    {
        if (json is null)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            if (JsonDepth.OnlyTooDeep(json))
            {
                throw new UsageException($"--payload is nested more than {JsonDepth.MaxDepth} levels deep.", exception);
            }

            var where = exception.BytePositionInLine is { } column
                ? string.Create(CultureInfo.InvariantCulture, $" (line {exception.LineNumber + 1}, byte {column + 1})")
                : string.Empty;
            throw new UsageException($"--payload must be a JSON object, such as '{{\"link\":\"https://example.com\"}}'; it is not valid JSON{where}.", exception);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new UsageException($"--payload must be a JSON object, such as '{{\"link\":\"https://example.com\"}}', not {Describe(kind)}.");
        }

        return document;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "something else",
    };
}
