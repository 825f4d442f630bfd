namespace Connectors.Kit.Metadata;

/// <summary>The kind of connector, as Logto's <c>ConnectorType</c>.</summary>
public enum ConnectorType
{
    /// <summary>Sends emails.</summary>
    Email,

    /// <summary>Sends text messages.</summary>
    Sms,

    /// <summary>Signs users in with a social identity provider.</summary>
    Social,
}
