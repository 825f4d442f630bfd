namespace Connectors.AwsSes.Configuration;

/// <summary>What the connector's logs may show.</summary>
public sealed class AwsSesLoggingOptions
{
    /// <summary>Gets or sets whether logs show recipient addresses in full.</summary>
    /// <value><see langword="false"/> by default: addresses are masked as <c>j***@example.com</c>.</value>
    public bool LogRecipientAddresses { get; set; }
}
