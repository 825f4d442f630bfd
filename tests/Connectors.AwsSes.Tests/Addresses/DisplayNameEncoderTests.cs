using System.Text;
using Connectors.AwsSes.Addresses;

namespace Connectors.AwsSes.Tests.Addresses;

public class DisplayNameEncoderTests
{
    private const string LongCjkName = "日本語の表示名はとても長くなることがあるので複数の符号化語に分割される必要があります";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData("Example App", "Example App")]
    [InlineData("Logto", "Logto")]
    [InlineData("O'Brien & Sons", "O'Brien & Sons")]
    [InlineData("", "")]
    [InlineData("Doe, John", "\"Doe, John\"")]
    [InlineData("John Q. Public", "\"John Q. Public\"")]
    [InlineData("Support (EU)", "\"Support (EU)\"")]
    [InlineData("Team: Ops", "\"Team: Ops\"")]
    [InlineData("Say \"hi\"", "\"Say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("<admin>", "\"<admin>\"")]
    public void Encode_AsciiName_IsPlainOrQuoted(string name, string expected)
    {
        Assert.Equal(expected, DisplayNameEncoder.Encode(name));
    }

    [Theory]
    [InlineData("Zoë Example", "=?UTF-8?B?Wm/DqyBFeGFtcGxl?=")]
    [InlineData("Équipe Example", "=?UTF-8?B?w4lxdWlwZSBFeGFtcGxl?=")]
    [InlineData("山田太郎", "=?UTF-8?B?5bGx55Sw5aSq6YOO?=")]
    [InlineData("=?x?=", "=?UTF-8?B?PT94Pz0=?=")]
    [InlineData(LongCjkName, "=?UTF-8?B?5pel5pys6Kqe44Gu6KGo56S65ZCN44Gv44Go44Gm44KC6ZW344GP44Gq44KL?= =?UTF-8?B?44GT44Go44GM44GC44KL44Gu44Gn6KSH5pWw44Gu56ym5Y+35YyW6Kqe44Gr?= =?UTF-8?B?5YiG5Ymy44GV44KM44KL5b+F6KaB44GM44GC44KK44G+44GZ?=")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa😀", "=?UTF-8?B?YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=?= =?UTF-8?B?8J+YgA==?=")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaé", "=?UTF-8?B?YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=?= =?UTF-8?B?w6k=?=")]
    public void Encode_NameNeedingEncoding_IsRfc2047BWords(string name, string expected)
    {
        Assert.Equal(expected, DisplayNameEncoder.Encode(name));
    }

    [Theory]
    [InlineData(LongCjkName)]
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀")]
    [InlineData("a😀b😀c😀d😀e😀f😀g😀h😀i😀j😀k😀l😀m😀n😀o😀p😀q😀")]
    [InlineData("Ωmega ΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩ")]
    [InlineData("Zoë 👩‍👩‍👧‍👦 Family Example With A Rather Long Display Name Indeed")]
    public void Encode_LongName_SplitsIntoWordsOfAtMost75CharsEachWholeUtf8(string name)
    {
        var words = DisplayNameEncoder.Encode(name).Split(' ');

        Assert.True(words.Length > 1);
        var bytes = new List<byte>();
        foreach (var word in words)
        {
            Assert.True(word.Length <= 75, word);
            Assert.StartsWith("=?UTF-8?B?", word, StringComparison.Ordinal);
            Assert.EndsWith("?=", word, StringComparison.Ordinal);
            var wordBytes = Convert.FromBase64String(word["=?UTF-8?B?".Length..^2]);
            Assert.InRange(wordBytes.Length, 1, 45);

            // Each word decodes on its own: no UTF-8 sequence (so no surrogate pair) is split.
            var text = StrictUtf8.GetString(wordBytes);
            Assert.False(text.Length > 0 && char.IsHighSurrogate(text[^1]), word);
            bytes.AddRange(wordBytes);
        }

        Assert.Equal(name, StrictUtf8.GetString([.. bytes]));
    }

    [Theory]
    [InlineData("Example App")]
    [InlineData("Doe, John")]
    [InlineData("Say \"hi\" \\ bye")]
    [InlineData("Zoë Example")]
    [InlineData("山田太郎")]
    [InlineData(LongCjkName)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa😀")]
    [InlineData("=?UTF-8?B?abc?=")]
    public void Decode_EncodedName_RoundTrips(string name)
    {
        Assert.Equal(name, DisplayNameEncoder.Decode(DisplayNameEncoder.Encode(name)));
    }

    [Fact]
    public void Decode_MalformedWordSequence_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => DisplayNameEncoder.Decode("=?UTF-8?B?Wm8=?= plain"));
    }

    [Fact]
    public void EncodeAndDecode_Null_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => DisplayNameEncoder.Encode(null!));
        Assert.Throws<ArgumentNullException>(() => DisplayNameEncoder.Decode(null!));
    }
}
