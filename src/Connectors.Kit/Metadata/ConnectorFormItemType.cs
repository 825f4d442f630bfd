namespace Connectors.Kit.Metadata;

/// <summary>The input control an admin console shows for a config field.</summary>
public enum ConnectorFormItemType
{
    /// <summary>A one-line text box.</summary>
    Text,

    /// <summary>A multi-line text box.</summary>
    MultilineText,

    /// <summary>A number.</summary>
    Number,

    /// <summary>An on/off switch.</summary>
    Switch,

    /// <summary>A JSON editor.</summary>
    Json,
}
