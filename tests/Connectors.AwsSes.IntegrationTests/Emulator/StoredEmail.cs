using System.Text.Json.Serialization;

namespace Connectors.AwsSes.IntegrationTests.Emulator;

/// <summary>
/// One email as the emulator keeps it (an element of <c>emails</c> in <c>GET /store</c>). For a SES v2 Simple
/// SendEmail it is built from the request like this: <c>from</c> = <c>FromEmailAddress</c> (verbatim, display
/// name and all), <c>replyTo</c> = <c>ReplyToAddresses</c> (or empty), <c>destination</c> = the three address
/// lists (or empty), <c>subject</c> = <c>Subject.Data</c>, <c>body</c> = <c>Html.Data</c>/<c>Text.Data</c>,
/// <c>headers</c> = <c>Content.Simple.Headers</c>. Charsets, <c>ConfigurationSetName</c>, <c>EmailTags</c>,
/// the identity ARNs, the feedback forwarding address and unknown members are accepted and dropped.
/// </summary>
public sealed record StoredEmail
{
    /// <summary>The id the emulator answered with: <c>ses-</c> and nine digits.</summary>
    [JsonPropertyName("messageId")]
    public required string MessageId { get; init; }

    [JsonPropertyName("from")]
    public required string From { get; init; }

    [JsonPropertyName("replyTo")]
    public IReadOnlyList<string> ReplyTo { get; init; } = [];

    [JsonPropertyName("destination")]
    public required StoredDestination Destination { get; init; }

    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("body")]
    public required StoredBody Body { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<StoredAttachment> Attachments { get; init; } = [];

    /// <summary>Custom headers (<c>Content.Simple.Headers</c>); absent from the JSON, so null, when none were sent.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyList<StoredHeader>? Headers { get; init; }

    /// <summary>When the emulator stored the email, in whole seconds since the Unix epoch.</summary>
    [JsonPropertyName("at")]
    public required long At { get; init; }

    [JsonIgnore]
    public DateTimeOffset StoredAt => DateTimeOffset.FromUnixTimeSeconds(At);
}

/// <summary>The recipients of a stored email; each list is empty, never null, when none were sent.</summary>
public sealed record StoredDestination
{
    [JsonPropertyName("to")]
    public IReadOnlyList<string> To { get; init; } = [];

    [JsonPropertyName("cc")]
    public IReadOnlyList<string> Cc { get; init; } = [];

    [JsonPropertyName("bcc")]
    public IReadOnlyList<string> Bcc { get; init; } = [];
}

/// <summary>The bodies of a stored email; a part that was not sent is absent from the JSON, so null.</summary>
public sealed record StoredBody
{
    [JsonPropertyName("html")]
    public string? Html { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }
}

/// <summary>A custom header of a stored email.</summary>
public sealed record StoredHeader
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }
}

/// <summary>An attachment of a stored email (the common members; raw emails carry more).</summary>
public sealed record StoredAttachment
{
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    [JsonPropertyName("contentType")]
    public string? ContentType { get; init; }

    /// <summary>The content, base64.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("size")]
    public long? Size { get; init; }
}
