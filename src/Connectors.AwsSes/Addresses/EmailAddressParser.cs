using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Connectors.AwsSes.Addresses;

/// <summary>
/// Parses and checks email addresses the way SES will accept them: a 7-bit ASCII dot-atom local
/// part, a domain that becomes Punycode, at most 254 characters, no line breaks or lists.
/// </summary>
internal static class EmailAddressParser
{
    /// <summary>The longest address SMTP can carry (RFC 5321 path limit less the brackets).</summary>
    public const int MaxAddressLength = 254;

    private const int MaxLocalPartLength = 64;
    private const int MaxDisplayNameLength = 256;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    // What a domain already in lower-case ASCII (LDH labels and dots) is made of.
    private static readonly System.Buffers.SearchValues<char> LowerCaseHostChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    /// <summary>Parses a bare address, <c>user@example.com</c>.</summary>
    /// <param name="text">The address.</param>
    /// <param name="address">The parsed address.</param>
    /// <param name="problem">Why it is invalid; never contains more than the address itself.</param>
    /// <returns>Whether the address is valid.</returns>
    public static bool TryParseAddress(string? text, [NotNullWhen(true)] out MailboxAddress? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is empty";
            return false;
        }

        if (text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal))
        {
            problem = "must be a bare address such as user@example.com, without a display name or angle brackets";
            return false;
        }

        // Checked before trimming: Trim() would silently drop a CR/LF (or U+2028) at either end.
        if (ContainsControl(text))
        {
            problem = "contains a line break or another control character";
            return false;
        }

        return TryParseAddressCore(text.Trim(), out address, out problem);
    }

    /// <summary>Parses a mailbox: <c>user@example.com</c>, <c>&lt;user@example.com&gt;</c> or <c>Name &lt;user@example.com&gt;</c>.</summary>
    /// <param name="text">The mailbox.</param>
    /// <param name="mailbox">The parsed mailbox.</param>
    /// <param name="problem">Why it is invalid.</param>
    /// <returns>Whether the mailbox is valid.</returns>
    public static bool TryParseMailbox(string? text, [NotNullWhen(true)] out MailboxAddress? mailbox, [NotNullWhen(false)] out string? problem)
    {
        mailbox = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is empty";
            return false;
        }

        if (ContainsControl(text))
        {
            problem = "contains a line break or another control character";
            return false;
        }

        var trimmed = text.Trim();
        if (!trimmed.EndsWith('>'))
        {
            return TryParseAddressCore(trimmed, out mailbox, out problem);
        }

        var open = trimmed.LastIndexOf('<');
        if (open < 0)
        {
            problem = "has a '>' without a matching '<'";
            return false;
        }

        var addressText = trimmed[(open + 1)..^1].Trim();
        if (!TryParseAddressCore(addressText, out var address, out problem))
        {
            return false;
        }

        var name = trimmed[..open].Trim();
        if (name.Length == 0)
        {
            mailbox = address;
            return true;
        }

        if (!TryUnquote(name, out var displayName, out problem))
        {
            return false;
        }

        if (displayName.Length > MaxDisplayNameLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"has a display name longer than {MaxDisplayNameLength} characters");
            return false;
        }

        mailbox = address.WithDisplayName(displayName.Length == 0 ? null : displayName);
        return true;
    }

    private static bool TryParseAddressCore(string text, [NotNullWhen(true)] out MailboxAddress? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        if (ContainsControl(text))
        {
            problem = "contains a line break or another control character";
            return false;
        }

        if (text.Contains(',', StringComparison.Ordinal) || text.Contains(';', StringComparison.Ordinal))
        {
            problem = "must be exactly one address, not a list";
            return false;
        }

        if (text.Length > MaxAddressLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"is longer than {MaxAddressLength} characters");
            return false;
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            problem = "is not an email address (expected local-part@domain)";
            return false;
        }

        var local = text[..at];
        var domain = text[(at + 1)..];
        if (!TryCheckLocalPart(local, out problem))
        {
            return false;
        }

        if (!TryToAsciiDomain(domain, out var asciiDomain, out problem))
        {
            return false;
        }

        if (local.Length + 1 + asciiDomain.Length > MaxAddressLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"is longer than {MaxAddressLength} characters once its domain is in Punycode");
            return false;
        }

        address = new MailboxAddress(null, local, asciiDomain);
        return true;
    }

    private static bool TryCheckLocalPart(string local, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (local.Length > MaxLocalPartLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"has a local part longer than {MaxLocalPartLength} characters");
            return false;
        }

        foreach (var c in local)
        {
            if (c > '\u007f')
            {
                problem = "has a non-ASCII local part, which SES cannot send to (only the domain may be international)";
                return false;
            }

            if (!MailboxSyntax.IsAtext(c) && c != '.')
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"has the character '{c}' in its local part");
                return false;
            }
        }

        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            problem = "has a local part that starts or ends with a dot or holds two dots in a row";
            return false;
        }

        return true;
    }

    private static bool TryToAsciiDomain(string domain, [NotNullWhen(true)] out string? asciiDomain, [NotNullWhen(false)] out string? problem)
    {
        asciiDomain = null;
        problem = null;
        if (domain.StartsWith('[') || domain.EndsWith('.'))
        {
            problem = "has a domain SES does not accept (an address literal or a trailing dot)";
            return false;
        }

        // Most domains are already lower-case ASCII: they need no IDNA mapping (an ICU call) nor a
        // copy. "--" (Punycode "xn--" labels, hyphens in 3rd and 4th place) is left to IDNA to judge.
        if (domain.AsSpan().ContainsAnyExcept(LowerCaseHostChars) || domain.Contains("--", StringComparison.Ordinal))
        {
            try
            {
                asciiDomain = Idn.GetAscii(domain).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                problem = "has an invalid domain";
                return false;
            }
        }
        else
        {
            asciiDomain = domain;
        }

        var labelCount = 0;
        foreach (var range in asciiDomain.AsSpan().Split('.'))
        {
            var label = asciiDomain.AsSpan(range);
            labelCount++;
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                problem = "has an invalid domain";
                asciiDomain = null;
                return false;
            }
        }

        if (labelCount < 2)
        {
            problem = "has a domain without a dot (e.g. example.com is needed)";
            asciiDomain = null;
            return false;
        }

        return true;
    }

    private static bool TryUnquote(string name, [NotNullWhen(true)] out string? displayName, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (name.Length >= 2 && name[0] == '"' && name[^1] == '"')
        {
            var inner = name[1..^1];
            var builder = new System.Text.StringBuilder(inner.Length);
            for (var i = 0; i < inner.Length; i++)
            {
                var c = inner[i];
                if (c == '\\' && i + 1 < inner.Length)
                {
                    c = inner[++i];
                }
                else if (c == '"')
                {
                    displayName = null;
                    problem = "has an unescaped '\"' inside its quoted display name";
                    return false;
                }

                builder.Append(c);
            }

            displayName = builder.ToString();
            return true;
        }

        if (name.Contains('<', StringComparison.Ordinal) || name.Contains('>', StringComparison.Ordinal) || name.Contains('"', StringComparison.Ordinal))
        {
            displayName = null;
            problem = "has a display name with '<', '>' or '\"'; quote it: \"Name\" <user@example.com>";
            return false;
        }

        displayName = name;
        return true;
    }

    private static bool ContainsControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
