namespace Connectors.AwsSes.Addresses;

/// <summary>The RFC 5322 character classes the address parser and the display-name encoder share.</summary>
internal static class MailboxSyntax
{
    /// <summary>Gets whether <paramref name="c"/> is RFC 5322 <c>atext</c>: a letter, a digit or one of <c>!#$%&amp;'*+-/=?^_`{|}~</c>.</summary>
    public static bool IsAtext(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
        || "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal);
}
