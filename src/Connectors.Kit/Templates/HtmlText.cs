using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Connectors.Kit.Templates;

/// <summary>Small, allocation-aware text helpers for HTML bodies and single-line header fields.</summary>
public static partial class HtmlText
{
    /// <summary>Appends <paramref name="value"/> to <paramref name="output"/> with <c>&amp; &lt; &gt; &quot; '</c> escaped.</summary>
    /// <param name="output">The builder to write to.</param>
    /// <param name="value">The raw value.</param>
    public static void AppendEscaped(StringBuilder output, StringBuilder value)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        foreach (var chunk in value.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                switch (c)
                {
                    case '&': output.Append("&amp;"); break;
                    case '<': output.Append("&lt;"); break;
                    case '>': output.Append("&gt;"); break;
                    case '"': output.Append("&quot;"); break;
                    case '\'': output.Append("&#39;"); break;
                    default: output.Append(c); break;
                }
            }
        }
    }

    /// <summary>Escapes a string for HTML text or attribute content.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The escaped value.</returns>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var output = new StringBuilder(value.Length + 16);
        AppendEscaped(output, new StringBuilder(value));
        return output.ToString();
    }

    /// <summary>Replaces every run of CR and LF characters with one space and trims the ends.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The text on one line.</returns>
    public static string ToSingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return value;
        }

        var output = new StringBuilder(value.Length);
        var inBreak = false;
        foreach (var c in value)
        {
            var isBreak = c is '\r' or '\n';
            if (!isBreak)
            {
                output.Append(c);
            }
            else if (!inBreak)
            {
                output.Append(' ');
            }

            inBreak = isBreak;
        }

        return output.ToString().Trim();
    }

    /// <summary>
    /// Derives the plain-text alternative of an HTML body: tags removed, block ends and
    /// <c>&lt;br&gt;</c> as line breaks, link targets kept after their text, entities decoded.
    /// </summary>
    /// <param name="html">The rendered HTML body.</param>
    /// <returns>Readable plain text.</returns>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = DropElements().Replace(html, string.Empty);
        text = Links().Replace(text, match =>
        {
            var href = WebUtility.HtmlDecode(match.Groups["href"].Value).Trim();
            var label = match.Groups["label"].Value;
            var labelText = WebUtility.HtmlDecode(Tags().Replace(label, string.Empty)).Trim();
            return href.Length == 0 || labelText == href ? label : label + " (" + WebUtility.HtmlEncode(href) + ")";
        });
        text = LineBreakTags().Replace(text, "\n");
        text = Tags().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        text = HorizontalSpace().Replace(text, " ");
        text = SpaceAroundNewLines().Replace(text, "\n");
        text = BlankLines().Replace(text, "\n\n");
        return text.Trim();
    }

    [GeneratedRegex("<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex DropElements();

    [GeneratedRegex("<a\\b[^>]*?\\bhref\\s*=\\s*(?:\"(?<href>[^\"]*)\"|'(?<href>[^']*)'|(?<href>[^\\s>]+))[^>]*>(?<label>.*?)</a\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Links();

    [GeneratedRegex("<br\\s*/?>|</(p|div|h[1-6]|li|tr|table|blockquote|section|article|header|footer)\\s*>|<(p|div|h[1-6]|li|tr|table|blockquote|section|article|header|footer)\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakTags();

    [GeneratedRegex("<!--.*?-->|<[^>]*>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex("[ \\t\\f\\v\\r]+")]
    private static partial Regex HorizontalSpace();

    [GeneratedRegex(" ?\\n ?")]
    private static partial Regex SpaceAroundNewLines();

    [GeneratedRegex("\\n{3,}")]
    private static partial Regex BlankLines();
}
