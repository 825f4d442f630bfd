using System.Text;
using System.Text.RegularExpressions;
using Connectors.Kit.Messages;

namespace Connectors.Kit.Templates;

/// <summary>
/// A subject or body template parsed once into literal text and <c>{{ placeholder }}</c> parts,
/// then rendered any number of times with Logto's semantics.
/// </summary>
/// <remarks>
/// Placeholders match <c>{{\s*([A-Za-z0-9_.]+)\s*}}</c> with JavaScript's meaning of <c>\s</c>,
/// case-sensitively. A root name absent from the payload stays literal; a present root with a
/// missing nested key, or a null value, renders as empty; numbers and booleans render as
/// JavaScript's <c>String()</c> does.
/// </remarks>
public sealed partial class MessageTemplate
{
    private readonly Segment[] _segments;
    private readonly int _literalLength;

    private MessageTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
        foreach (var segment in segments)
        {
            _literalLength += segment.Path is null ? segment.Text.Length : 0;
            HasPlaceholders |= segment.Path is not null;
        }
    }

    /// <summary>Gets the template text as given.</summary>
    public string Text { get; }

    /// <summary>Gets whether the template has at least one placeholder.</summary>
    public bool HasPlaceholders { get; }

    /// <summary>Parses a template.</summary>
    /// <param name="text">The template text.</param>
    /// <returns>The parsed template.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static MessageTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<Segment>();
        var position = 0;
        foreach (Match match in PlaceholderRegex().Matches(text))
        {
            if (match.Index > position)
            {
                segments.Add(new Segment(text[position..match.Index], null));
            }

            segments.Add(new Segment(match.Value, match.Groups[1].Value.Split('.')));
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            segments.Add(new Segment(text[position..], null));
        }

        return new MessageTemplate(text, [.. segments]);
    }

    /// <summary>Renders the template with <paramref name="payload"/>.</summary>
    /// <param name="payload">The values.</param>
    /// <param name="mode">How values are written.</param>
    /// <returns>The rendered text.</returns>
    public string Render(SendMessagePayload payload, TemplateRenderMode mode)
    {
        ArgumentNullException.ThrowIfNull(payload);

        // The builders are the thread's cached ones: a render allocates its result and nothing else.
        var output = StringBuilderCache.AcquireOutput(_literalLength + 32);
        var value = mode == TemplateRenderMode.Html ? StringBuilderCache.AcquireValue() : null;
        foreach (var segment in _segments)
        {
            if (segment.Path is null)
            {
                output.Append(segment.Text);
                continue;
            }

            if (value is not null)
            {
                value.Clear();
                if (PayloadValueResolver.TryAppend(payload, segment.Path, value))
                {
                    HtmlText.AppendEscaped(output, value);
                }
                else
                {
                    output.Append(segment.Text);
                }
            }
            else if (!PayloadValueResolver.TryAppend(payload, segment.Path, output))
            {
                output.Append(segment.Text);
            }
        }

        if (value is not null)
        {
            StringBuilderCache.ReleaseValue(value);
        }

        var text = StringBuilderCache.ToStringAndReleaseOutput(output);
        return mode == TemplateRenderMode.SingleLine ? HtmlText.ToSingleLine(text) : text;
    }

    // JavaScript's \s (ECMAScript WhiteSpace and LineTerminator), spelled out because .NET's \s
    // differs (it lacks U+FEFF and adds U+0085).
    [GeneratedRegex("\\{\\{[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*([A-Za-z0-9_.]+)[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*\\}\\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRegex();

    private readonly record struct Segment(string Text, string[]? Path);
}
