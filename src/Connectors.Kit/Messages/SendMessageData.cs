namespace Connectors.Kit.Messages;

/// <summary>What to send: Logto's <c>SendMessageData</c>.</summary>
public sealed class SendMessageData
{
    /// <summary>Gets the recipient: exactly one email address.</summary>
    public required string To { get; init; }

    /// <summary>Gets the usage type, which selects the template.</summary>
    public required TemplateType Type { get; init; }

    /// <summary>Gets the values the template is rendered with.</summary>
    /// <value>An empty payload by default.</value>
    public SendMessagePayload Payload { get; init; } = new();

    /// <summary>Gets the end user's IP address, when the host knows it.</summary>
    public string? Ip { get; init; }
}
