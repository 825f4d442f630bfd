using System.Text.Json.Nodes;

namespace Connectors.Kit.Metadata;

/// <summary>One field of the admin console's config form (Logto's <c>ConnectorConfigFormItem</c>).</summary>
public sealed class ConnectorFormItem
{
    /// <summary>Gets the config key the field edits, e.g. <c>accessKeyId</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the field's label.</summary>
    public required string Label { get; init; }

    /// <summary>Gets the input control.</summary>
    public required ConnectorFormItemType Type { get; init; }

    /// <summary>Gets whether a value is required.</summary>
    public bool Required { get; init; }

    /// <summary>Gets the placeholder text, if any.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Gets a tooltip, if any.</summary>
    public string? Tooltip { get; init; }

    /// <summary>Gets the value the form starts with, if any.</summary>
    public JsonNode? DefaultValue { get; init; }
}
