using System.Text.Json;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses.Model;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;

namespace Connectors.AwsSes.Tests.Hardening;

/// <summary>
/// One hostile input: a stored config (options), an optional per-call config (JSON), the message
/// data, and what must come out: a <see cref="ConnectorError"/> with an exact message and nothing
/// sent, or exactly one request that <see cref="Accepted"/> checks.
/// </summary>
internal sealed record HostileRow
{
    public required string Name { get; init; }

    /// <summary>Gets the stored config; the valid base options when null.</summary>
    public Func<AwsSesConnectorOptions>? Options { get; init; }

    /// <summary>Gets the per-call config (<c>inputConfig</c>), if any.</summary>
    public Func<JsonElement>? InputConfig { get; init; }

    public required Func<SendMessageData> Data { get; init; }

    /// <summary>Gets the expected error code; null for a row that must be sent.</summary>
    public ConnectorErrorCode? Code { get; init; }

    /// <summary>Gets the exact expected error message.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the check of the one request a legitimately accepted row sends.</summary>
    public Action<SendEmailRequest>? Accepted { get; init; }

    public override string ToString() => Name;
}
