namespace Connectors.Kit.Metadata;

/// <summary>What an admin console shows about a connector: Logto's <c>ConnectorMetadata</c>.</summary>
public sealed class ConnectorMetadata
{
    /// <summary>Gets the connector's id, e.g. <c>aws-ses-mail</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the target (the provider), e.g. <c>aws-ses</c>.</summary>
    public required string Target { get; init; }

    /// <summary>Gets the display name by language tag; <c>en</c> is always present.</summary>
    public required IReadOnlyDictionary<string, string> Name { get; init; }

    /// <summary>Gets the description by language tag; <c>en</c> is always present.</summary>
    public required IReadOnlyDictionary<string, string> Description { get; init; }

    /// <summary>Gets the logo's file name or URL.</summary>
    public required string Logo { get; init; }

    /// <summary>Gets the logo for dark backgrounds, if different.</summary>
    public string? LogoDark { get; init; }

    /// <summary>Gets the connector's readme (Markdown) file name or URL.</summary>
    public required string Readme { get; init; }

    /// <summary>Gets the config form's fields.</summary>
    public required IReadOnlyList<ConnectorFormItem> FormItems { get; init; }
}
