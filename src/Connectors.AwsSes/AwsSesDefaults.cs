namespace Connectors.AwsSes;

/// <summary>Constants of the AWS SES connector.</summary>
public static class AwsSesDefaults
{
    /// <summary>The connector id, as Logto's: <c>aws-ses-mail</c>.</summary>
    public const string ConnectorId = "aws-ses-mail";

    /// <summary>The connector target, as Logto's: <c>aws-ses</c>.</summary>
    public const string Target = "aws-ses";

    /// <summary>The default instance name used when a host registers a single connector.</summary>
    public const string DefaultInstanceName = ConnectorId;

    /// <summary>The configuration section bound by default: <c>Connectors:AwsSes</c>.</summary>
    public const string ConfigurationSection = "Connectors:AwsSes";

    /// <summary>The SigV4 signing name of SES.</summary>
    public const string SigningName = "ses";
}
