using System.Text.Json;
using Connectors.Kit.Messages;

namespace Connectors.Kit.Tests.TestSupport;

/// <summary>Builds payloads from JSON text, as a host receiving Logto's payload would.</summary>
internal static class Payloads
{
    public static SendMessagePayload FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SendMessagePayload.FromJson(document.RootElement);
    }

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
