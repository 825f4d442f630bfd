using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Connectors.AwsSes.Tests.Properties;

/// <summary>
/// Generators of hostile text, addresses, mailboxes and JSON: line breaks, controls, markup, RFC 2047
/// look-alikes, lists, international text and unpaired surrogates, next to well-formed values.
/// </summary>
internal static class SesGen
{
    private static readonly string[] Tokens =
    [
        "\r", "\n", "\r\n", "\r\nBcc: evil@example.com", "\u2028", "\u2029", "\u0085", "\t", "\0", "\u007f", "\u001b", " ", "\u00a0",
        "<", ">", "\"", "\\", ",", ";", ":", "@", ".", "..", "(", ")", "[", "]", "=?", "?=", "=?UTF-8?B?", "=?utf-8?q?x?=", "&", "'", "{{code}}",
        "é", "Zoë", "山田", "😀", "\ud83d", "\ude00", "\ud800", "\udfff", "\u200b", "\u0301", "\ufeff", "ß", "İ",
    ];

    /// <summary>Gets arbitrary strings built from hostile tokens and arbitrary characters.</summary>
    public static Gen<string> Text { get; } =
        Gen.OneOf(
                Gen.Elements(Tokens),
                ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()),
                Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()),
                Gen.Elements("a", "B", "Example App", "x y", "123"))
            .ListOf()
            .Select(string.Concat);

    /// <summary>Gets well-formed text (no unpaired surrogates) of any Unicode scalar values and hostile tokens.</summary>
    public static Gen<string> WellFormedText { get; } =
        Gen.OneOf(
                Gen.Elements(Tokens.Where(t => !t.Any(char.IsSurrogate) || t == "😀").ToArray()),
                Gen.Choose(0, 0x10FFFF).Where(v => v is < 0xD800 or > 0xDFFF).Select(v => char.ConvertFromUtf32(v)),
                Gen.Choose(0x20, 0x7E).Select(v => ((char)v).ToString()))
            .ListOf()
            .Select(string.Concat);

    /// <summary>Gets local parts: often valid atext, sometimes hostile.</summary>
    public static Gen<string> LocalPart { get; } = Gen.Frequency(
        (3, Gen.Elements("user", "a", "first.last", "x+tag", "o'brien", "UPPER", "a_b-c", "!#$%&'*+-/=?^_`{|}~", new string('l', 64), new string('l', 65))),
        (2, Gen.Choose(1, 3).SelectMany(count => Gen.Elements("user", "a.b", "x", ".", "-").ListOf(count)).Select(parts => string.Concat(parts))),
        (2, Text));

    /// <summary>Gets domains: often valid ASCII or international names, sometimes hostile.</summary>
    public static Gen<string> Domain { get; } = Gen.Frequency(
        (3, Gen.Elements("example.com", "EXAMPLE.COM", "bücher.example", "xn--bcher-kva.example", "mail.example.co.uk", "山田.jp", "a-b.example", "localhost", "-bad.example", "ex_ample.com", "example.com.", "[127.0.0.1]", "例え.テスト")),
        (1, Gen.Elements("example", "com", "bücher", "x", "", "-", "ß", "ex ample").ListOf().Select(labels => string.Join('.', labels))),
        (1, Text));

    /// <summary>Gets addresses SES accepts: ASCII local parts, ASCII or international domains.</summary>
    public static Gen<string> ValidAddress { get; } =
        from local in Gen.Elements("user", "a", "first.last", "x+tag", "o'brien", "UPPER", "a_b-c", "!#$%&'*+-/=?^_`{|}~", new string('l', 64))
        from domain in Gen.Elements("example.com", "EXAMPLE.COM", "bücher.example", "xn--bcher-kva.example", "mail.example.co.uk", "山田.jp", "a-b.example", "例え.テスト")
        select local + "@" + domain;

    /// <summary>Gets bare addresses, often well-formed, with hostile parts or text spliced in at random.</summary>
    public static Gen<string> Address { get; } = Gen.Frequency(
        (3, ValidAddress),
        (2, from local in LocalPart from domain in Domain select local + "@" + domain),
        (1, from local in LocalPart from domain in Domain from junk in Text from spot in Gen.Choose(0, 2)
            select spot switch { 0 => junk + local + "@" + domain, 1 => local + junk + "@" + domain, _ => local + "@" + domain + junk }),
        (1, Text));

    /// <summary>Gets mailboxes: bare, angle-bracketed, with plain or quoted display names, or hostile.</summary>
    public static Gen<string> Mailbox { get; } = Gen.Frequency(
        (2, Address),
        (2, from name in Text from address in Address select name + " <" + address + ">"),
        (2, from name in Text from address in Address select "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\" <" + address + ">"),
        (1, from name in Gen.Elements("Example App", "Zoë", "山田 太郎", "=?UTF-8?B?QQ==?=", "a, b", "") from address in Address select name + " <" + address + ">"),
        (1, Text));

    /// <summary>Gets JSON payload objects whose values are hostile strings, numbers, nested objects and arrays.</summary>
    public static Gen<string> JsonPayload { get; } =
        Gen.Choose(0, 6).SelectMany(count => Gen.Zip(Gen.Elements("code", "link", "locale", "x", "org", "name"), JsonValue(3)).ListOf(count))
            .Select(members => "{" + string.Join(',', members.Select(m => JsonString(m.Item1) + ":" + m.Item2)) + "}");

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

    /// <summary>Gets any JSON value as text, nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<string> JsonValue(int depth)
    {
        var scalar = Gen.OneOf(
            Text.Select(JsonString),
            Gen.Elements("0", "-0", "1.5", "1e400", "123456789012345678901234567890", "true", "false", "null"));
        if (depth <= 0)
        {
            return scalar;
        }

        var inner = JsonValue(depth - 1);
        var array = Gen.Choose(0, 3).SelectMany(count => inner.ListOf(count)).Select(items => "[" + string.Join(',', items) + "]");
        var obj = Gen.Choose(0, 3).SelectMany(count => Gen.Zip(Gen.Elements("a", "b", "0"), inner).ListOf(count))
            .Select(members => "{" + string.Join(',', members.Select(m => JsonString(m.Item1) + ":" + m.Item2)) + "}");
        return Gen.Frequency((4, scalar), (1, array), (1, obj));
    }
}
