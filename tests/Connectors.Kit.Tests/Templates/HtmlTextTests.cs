using System.Text;
using Connectors.Kit.Templates;

namespace Connectors.Kit.Tests.Templates;

public class HtmlTextTests
{
    [Theory]
    [InlineData("&<>\"'", "&amp;&lt;&gt;&quot;&#39;")]
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    [InlineData("Zoë & 山田", "Zoë &amp; 山田")]
    [InlineData("&amp;", "&amp;amp;")]
    public void Escape_Value_EscapesTheFiveHtmlSpecials(string value, string expected)
    {
        Assert.Equal(expected, HtmlText.Escape(value));
    }

    [Fact]
    public void AppendEscaped_Builder_AppendsAfterExistingText()
    {
        var output = new StringBuilder("<p>");

        HtmlText.AppendEscaped(output, new StringBuilder("a<b"));

        Assert.Equal("<p>a&lt;b", output.ToString());
    }

    [Theory]
    [InlineData("a\r\nb", "a b")]
    [InlineData("a\n\n\r\nb", "a b")]
    [InlineData("a\rb", "a b")]
    [InlineData("a\n", "a")]
    [InlineData("  a\nb  ", "a b")]
    [InlineData("no break", "no break")]
    [InlineData("  kept as is  ", "  kept as is  ")]
    [InlineData("tab\tkept", "tab\tkept")]
    public void ToSingleLine_Text_ReplacesLineBreakRunsWithOneSpace(string value, string expected)
    {
        Assert.Equal(expected, HtmlText.ToSingleLine(value));
    }

    [Theory]
    [InlineData("<p>Hello</p><p>World</p>", "Hello\n\nWorld")]
    [InlineData("Line 1<br>Line 2<br/>Line 3<BR />", "Line 1\nLine 2\nLine 3")]
    [InlineData("<p>Your code is <strong>{{code}}</strong>.</p>", "Your code is {{code}}.")]
    [InlineData("<a href=\"https://example.com/verify?a=1&amp;b=2\">Verify</a>", "Verify (https://example.com/verify?a=1&b=2)")]
    [InlineData("<a href='https://example.com/x'>Open <b>it</b></a>", "Open it (https://example.com/x)")]
    [InlineData("<a class=\"btn\" HREF=https://example.com/y>Go</a>", "Go (https://example.com/y)")]
    [InlineData("<a href=\"https://example.com\">https://example.com</a>", "https://example.com")]
    [InlineData("<a href=\"\">Nothing</a>", "Nothing")]
    [InlineData("<a href=\"{{link}}\">Accept the invitation</a>", "Accept the invitation ({{link}})")]
    [InlineData("Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;x&#39; &copy;", "Tom & Jerry <3 \"hi\" 'x' ©")]
    [InlineData("a&nbsp;b", "a\u00a0b")]
    [InlineData("<style>p { color: red }</style><p>Hi</p>", "Hi")]
    [InlineData("<head><title>T</title></head><body>Body</body>", "Body")]
    [InlineData("<script>alert(1)</script>Text", "Text")]
    [InlineData("A<!-- hidden <b>comment</b> -->B", "AB")]
    [InlineData("<p>  Hello   \n  world </p>", "Hello\nworld")]
    [InlineData("<div><p>A</p></div><div><p>B</p></div>", "A\n\nB")]
    [InlineData("<ul><li>One</li><li>Two</li></ul>", "One\n\nTwo")]
    [InlineData("<h1>Title</h1>Text", "Title\nText")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void ToPlainText_Html_ConvertsToReadableText(string html, string expected)
    {
        Assert.Equal(expected, HtmlText.ToPlainText(html));
    }

    [Fact]
    public void Helpers_NullArguments_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => HtmlText.Escape(null!));
        Assert.Throws<ArgumentNullException>(() => HtmlText.ToSingleLine(null!));
        Assert.Throws<ArgumentNullException>(() => HtmlText.ToPlainText(null!));
        Assert.Throws<ArgumentNullException>(() => HtmlText.AppendEscaped(null!, new StringBuilder()));
        Assert.Throws<ArgumentNullException>(() => HtmlText.AppendEscaped(new StringBuilder(), null!));
    }
}
