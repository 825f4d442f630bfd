using System.Text;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Configuration;

/// <summary>
/// The AWS SES connector's config: every key of Logto's <c>@logto/connector-aws-ses</c> config,
/// plus this library's optional extensions. Binds from a Logto config JSON (camelCase keys,
/// unknown keys ignored) or from <c>IConfiguration</c>.
/// </summary>
/// <remarks><see cref="ToString"/> never shows the secret key or the session token.</remarks>
public sealed class AwsSesConnectorOptions
{
    /// <summary>Gets or sets the AWS access key id (Logto). Leave it and <see cref="AccessKeySecret"/> empty to use the AWS default credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Gets or sets the AWS secret access key (Logto). Never logged.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>Gets or sets the session token of temporary credentials (extension). Never logged.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Gets or sets the AWS region, e.g. <c>us-east-1</c> (Logto, required).</summary>
    public string? Region { get; set; }

    /// <summary>Gets or sets the sender: <c>noreply@example.com</c>, <c>&lt;noreply@example.com&gt;</c> or <c>Name &lt;noreply@example.com&gt;</c> (Logto, required).</summary>
    public string? EmailAddress { get; set; }

    /// <summary>Gets or sets the ARN of the sending identity, for sending authorization (Logto).</summary>
    public string? EmailAddressIdentityArn { get; set; }

    /// <summary>Gets or sets the address bounces and complaints are forwarded to (Logto).</summary>
    public string? FeedbackForwardingEmailAddress { get; set; }

    /// <summary>Gets or sets the ARN of the feedback forwarding identity (Logto).</summary>
    public string? FeedbackForwardingEmailAddressIdentityArn { get; set; }

    /// <summary>Gets or sets the SES configuration set to send with (Logto).</summary>
    public string? ConfigurationSetName { get; set; }

    /// <summary>Gets or sets the templates, one per usage type; <c>Register</c>, <c>SignIn</c>, <c>ForgotPassword</c> and <c>Generic</c> are required (Logto).</summary>
    public IList<EmailTemplate>? Templates { get; set; }

    /// <summary>Gets or sets an endpoint URL that replaces the one derived from the region, e.g. a local emulator (extension).</summary>
    /// <value>By default <c>AWS_ENDPOINT_URL_SESV2</c>, then <c>AWS_ENDPOINT_URL</c>, then the regional endpoint.</value>
    public string? Endpoint { get; set; }

    /// <summary>Gets or sets whether to use the FIPS endpoint <c>email-fips.{region}</c> (extension).</summary>
    /// <value><see langword="false"/> by default.</value>
    public bool UseFipsEndpoint { get; set; }

    /// <summary>Gets or sets whether to use the dual-stack (IPv4 and IPv6) endpoint (extension).</summary>
    /// <value><see langword="false"/> by default.</value>
    public bool UseDualStackEndpoint { get; set; }

    /// <summary>Gets or sets whether HTML emails carry a plain-text alternative derived from the HTML (extension).</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool SendPlainTextPart { get; set; } = true;

    /// <summary>Gets or sets whether each email is tagged with its usage type (<c>EmailTags</c> <c>usageType</c>), for SES event publishing (extension).</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool TagUsageType { get; set; } = true;

    /// <summary>Returns a description without secrets.</summary>
    /// <returns>The region, sender and which credential source is used.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("AwsSesConnectorOptions { Region = ")
            .Append(Region ?? "(none)")
            .Append(", EmailAddress = ").Append(EmailAddress ?? "(none)")
            .Append(", Credentials = ")
            .Append(string.IsNullOrEmpty(AccessKeyId) ? "default chain" : "access key " + MaskKeyId(AccessKeyId) + (string.IsNullOrEmpty(SessionToken) ? string.Empty : " with session token"))
            .Append(", Templates = ").Append(Templates?.Count ?? 0);
        if (!string.IsNullOrEmpty(Endpoint))
        {
            text.Append(", Endpoint = ").Append(Endpoint);
        }

        return text.Append(" }").ToString();
    }

    // The key id is not a secret, but showing all of it invites copy-paste into tickets.
    private static string MaskKeyId(string keyId) => keyId.Length <= 8 ? "****" : keyId[..4] + "****" + keyId[^4..];
}
