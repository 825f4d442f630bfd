using System.Text.Json.Serialization;

namespace Connectors.Kit.Templates;

/// <summary>A template of a connector config: Logto's <c>{ usageType, subject, content }</c>.</summary>
public sealed class EmailTemplate
{
    /// <summary>Gets or sets the usage type name, e.g. <c>SignIn</c> (see <see cref="Messages.TemplateType"/>).</summary>
    [JsonPropertyName("usageType")]
    public string? UsageType { get; set; }

    /// <summary>Gets or sets the subject template (plain text).</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    /// <summary>Gets or sets the HTML body template.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; set; }
}
