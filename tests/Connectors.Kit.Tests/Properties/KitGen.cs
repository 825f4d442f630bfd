using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Connectors.Kit.Tests.Properties;

/// <summary>
/// Generators of hostile text and JSON: markup, entities, line breaks, placeholders, unpaired
/// surrogates and arbitrary characters, mixed in any order and length.
/// </summary>
internal static class KitGen
{
    /// <summary>The names payloads and placeholders use, so that placeholders often find their value.</summary>
    public static readonly string[] Names = ["x", "a", "b", "0", "1", "code", "link", "locale", "uiLocales", "org"];

    private static readonly string[] Tokens =
    [
        "<", ">", "&", "\"", "'", "</p>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&lt;", "&#39;", "&#x3C;", "&",
        "\r", "\n", "\r\n", "\u2028", "\u0085", "\t", "\0", " ", "\u00a0", "\ufeff",
        "{{", "}}", "{{ x }}", "{{code}}", "{", "}", ".", "=?UTF-8?B?", "?=", "=?", "\\",
        "é", "山田", "😀", "\ud83d", "\ude00", "\ud800", "\udfff", "\u200b", "\u0301",
    ];

    /// <summary>Gets arbitrary strings built from hostile tokens and arbitrary characters.</summary>
    public static Gen<string> Text { get; } =
        Gen.OneOf(
                Gen.Elements(Tokens),
                ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()),
                Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()),
                Gen.Elements("a", "b", "Zoë", "x y", "123456"))
            .ListOf()
            .Select(string.Concat);

    /// <summary>Gets <see cref="Text"/> without braces, so it never forms a placeholder.</summary>
    public static Gen<string> Literal { get; } =
        Text.Select(text => text.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal));

    /// <summary>Gets a placeholder path over <see cref="Names"/>: <c>x</c>, <c>x.a</c>, <c>org.0.b</c>...</summary>
    public static Gen<string> Path { get; } =
        Gen.Choose(1, 4).SelectMany(count => Gen.Elements(Names).ListOf(count)).Select(p => string.Join('.', p));

    /// <summary>Gets a placeholder's text with JavaScript whitespace, or none, around the path.</summary>
    public static Gen<string> Placeholder { get; } =
        from path in Path
        from before in Gen.Elements("", " ", "  ", "\t", "\u00a0", "\n")
        from after in Gen.Elements("", " ", "\u3000", "\r\n")
        select "{{" + before + path + after + "}}";

    /// <summary>Gets any JSON value as text, nested up to the generator's size.</summary>
    public static Gen<string> JsonValue { get; } = Gen.Sized(size => JsonValueOfDepth(Math.Min(size / 20, 4)));

    /// <summary>Gets a JSON object over <see cref="Names"/> with arbitrary values, as a payload.</summary>
    public static Gen<string> JsonPayload { get; } =
        Members(JsonValue, 8).Select(members => "{" + string.Join(',', members.Select(m => JsonString(m.Item1) + ":" + m.Item2)) + "}");

    /// <summary>Writes <paramref name="text"/> as a JSON string, escaping surrogates one by one (unpaired ones included).</summary>
    public static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\' or < ' ' || char.IsSurrogate(c))
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    private static Gen<List<(string, string)>> Members(Gen<string> value, int most) =>
        Gen.Choose(0, most).SelectMany(count => Gen.Zip(Gen.Elements(Names), value).ListOf(count));

    private static Gen<string> JsonValueOfDepth(int depth)
    {
        var scalar = Gen.OneOf(
            Text.Select(JsonString),
            Gen.Elements("0", "-0", "1", "-1", "0.1", "1.5e300", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "1e21", "1e-7", "4.35", "true", "false", "null"),
            ArbMap.Default.GeneratorFor<int>().Select(i => i.ToString(CultureInfo.InvariantCulture)));
        if (depth <= 0)
        {
            return scalar;
        }

        var inner = JsonValueOfDepth(depth - 1);
        var array = Gen.Choose(0, 4).SelectMany(count => inner.ListOf(count)).Select(items => "[" + string.Join(',', items) + "]");
        var obj = Members(inner, 4).Select(members => "{" + string.Join(',', members.Select(m => JsonString(m.Item1) + ":" + m.Item2)) + "}");
        return Gen.Frequency((3, scalar), (1, array), (1, obj));
    }
}
