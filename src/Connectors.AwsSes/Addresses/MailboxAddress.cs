namespace Connectors.AwsSes.Addresses;

/// <summary>A parsed, validated email address with an optional display name.</summary>
/// <param name="DisplayName">The display name, unencoded, or <see langword="null"/>.</param>
/// <param name="LocalPart">The local part (7-bit ASCII).</param>
/// <param name="AsciiDomain">The domain in ASCII (Punycode for international names), lower-cased.</param>
internal sealed record MailboxAddress(string? DisplayName, string LocalPart, string AsciiDomain)
{
    /// <summary>Gets the address as it goes on the wire: <c>local@ascii-domain</c>.</summary>
    public string Address => LocalPart + "@" + AsciiDomain;

    /// <summary>Gets the mailbox as a header value: the RFC 2047 or quoted display name, then <c>&lt;address&gt;</c>.</summary>
    public string ToHeaderValue() => DisplayName is null ? Address : DisplayNameEncoder.Encode(DisplayName) + " <" + Address + ">";

    /// <summary>Returns a copy with another display name.</summary>
    public MailboxAddress WithDisplayName(string? displayName) => this with { DisplayName = displayName };
}
