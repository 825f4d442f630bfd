using System.Text.Json.Serialization;

namespace Connectors.AwsSes.Ses.Model;

/// <summary>An SES error body; services spell the members in several ways.</summary>
internal sealed class SesErrorBody
{
    [JsonPropertyName("message")]
    public string? MessageLower { get; init; }

    [JsonPropertyName("Message")]
    public string? MessageUpper { get; init; }

    [JsonPropertyName("code")]
    public string? CodeLower { get; init; }

    [JsonPropertyName("Code")]
    public string? CodeUpper { get; init; }

    [JsonPropertyName("__type")]
    public string? Type { get; init; }

    [JsonIgnore]
    public string? Message => MessageLower ?? MessageUpper;

    [JsonIgnore]
    public string? Code => CodeLower ?? CodeUpper ?? Type;
}
