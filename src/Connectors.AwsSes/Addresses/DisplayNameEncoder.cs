using System.Text;

namespace Connectors.AwsSes.Addresses;

/// <summary>
/// Writes a display name for a From or Reply-To header: as is when it is plain ASCII words,
/// quoted when it holds specials such as <c>,</c>, and as RFC 2047 <c>=?UTF-8?B?...?=</c>
/// encoded-words when it holds anything outside printable ASCII, as SES requires.
/// </summary>
internal static class DisplayNameEncoder
{
    // An encoded-word is at most 75 characters: "=?UTF-8?B?" (10) + base64 + "?=" (2) leaves 63,
    // so 45 bytes of UTF-8 (60 base64 characters) per word.
    private const int MaxBytesPerWord = 45;
    private const string Prefix = "=?UTF-8?B?";
    private const string Suffix = "?=";

    public static string Encode(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        var needsEncoding = false;
        var needsQuoting = false;
        foreach (var c in displayName)
        {
            if (c is < ' ' or > '~')
            {
                needsEncoding = true;
                break;
            }

            if (!MailboxSyntax.IsAtext(c) && c != ' ')
            {
                needsQuoting = true;
            }
        }

        // "=?" in a plain name would be read back as an encoded-word: encode it too.
        if (needsEncoding || displayName.Contains("=?", StringComparison.Ordinal))
        {
            return EncodeWords(displayName);
        }

        if (needsQuoting)
        {
            return "\"" + displayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        return displayName;
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote (used by tests and the CLI's render output).</summary>
    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.StartsWith('"') && encoded.EndsWith('"') && encoded.Length >= 2)
        {
            var inner = encoded[1..^1];
            var builder = new StringBuilder(inner.Length);
            for (var i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '\\' && i + 1 < inner.Length)
                {
                    i++;
                }

                builder.Append(inner[i]);
            }

            return builder.ToString();
        }

        if (!encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return encoded;
        }

        var bytes = new List<byte>();
        foreach (var word in encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.StartsWith(Prefix, StringComparison.Ordinal) || !word.EndsWith(Suffix, StringComparison.Ordinal))
            {
                throw new FormatException("Not an RFC 2047 B-encoded word: " + word);
            }

            bytes.AddRange(Convert.FromBase64String(word[Prefix.Length..^Suffix.Length]));
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static string EncodeWords(string displayName)
    {
        var words = new StringBuilder();
        var chunk = new List<byte>(MaxBytesPerWord);
        Span<byte> scalarBytes = stackalloc byte[4];
        foreach (var rune in displayName.EnumerateRunes())
        {
            // Never split one character's bytes across two words (RFC 2047 section 5).
            var length = rune.EncodeToUtf8(scalarBytes);
            if (chunk.Count + length > MaxBytesPerWord)
            {
                AppendWord(words, chunk);
                chunk.Clear();
            }

            for (var i = 0; i < length; i++)
            {
                chunk.Add(scalarBytes[i]);
            }
        }

        if (chunk.Count > 0 || words.Length == 0)
        {
            AppendWord(words, chunk);
        }

        return words.ToString();
    }

    private static void AppendWord(StringBuilder words, List<byte> bytes)
    {
        if (words.Length > 0)
        {
            words.Append(' ');
        }

        words.Append(Prefix).Append(Convert.ToBase64String([.. bytes])).Append(Suffix);
    }
}
