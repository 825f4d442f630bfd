using System.Text.Json;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;
using Connectors.Kit.Tests.TestSupport;

namespace Connectors.Kit.Tests.Templates;

public class MessageTemplateTests
{
    private static readonly SendMessagePayload CodePayload = new() { Code = "123456" };

    [Theory]
    [InlineData("Your code is {{ code }}.", "Your code is 123456.")]
    [InlineData("Your code is {{code}}.", "Your code is 123456.")]
    [InlineData("{{code}}{{ code }}{{  code  }}", "123456123456123456")]
    [InlineData("{{{code}}}", "{123456}")]
    [InlineData("No placeholder here", "No placeholder here")]
    [InlineData("", "")]
    public void Render_CodePlaceholder_SubstitutesCode(string template, string expected)
    {
        var rendered = MessageTemplate.Parse(template).Render(CodePayload, TemplateRenderMode.Raw);

        Assert.Equal(expected, rendered);
    }

    [Theory]
    [InlineData("{{ Code }}")]
    [InlineData("{{CODE}}")]
    [InlineData("{{ missing }}")]
    [InlineData("{{missing.nested}}")]
    [InlineData("{{ código }}")]
    [InlineData("{{ a-b }}")]
    [InlineData("{{ }}")]
    [InlineData("{{}}")]
    [InlineData("{{ code }")]
    [InlineData("{ code }}")]
    [InlineData("{{ co de }}")]
    [InlineData("{{ .code }}")]
    public void Render_PlaceholderNotResolvable_StaysLiteral(string template)
    {
        var payload = Payloads.FromJson("""{"code":"123456","código":"x","a-b":"y"}""");

        var rendered = MessageTemplate.Parse(template).Render(payload, TemplateRenderMode.Raw);

        Assert.Equal(template, rendered);
    }

    [Theory]
    [InlineData("[{{ a.b }}]", """{"a":{"b":"x"}}""", "[x]")]
    [InlineData("[{{a.b.c}}]", """{"a":{"b":{"c":"deep"}}}""", "[deep]")]
    [InlineData("[{{ a.b }}]", """{"a":{}}""", "[]")]
    [InlineData("[{{ a.b.c }}]", """{"a":{"b":"text"}}""", "[]")]
    [InlineData("[{{ a.b }}]", """{"a":"text"}""", "[]")]
    [InlineData("[{{ a.b }}]", """{"a":null}""", "[]")]
    [InlineData("[{{ a.b }}]", """{"a":5}""", "[]")]
    [InlineData("[{{ a.b }}]", """{"a":false}""", "[]")]
    [InlineData("[{{ a }}]", """{"a":null}""", "[]")]
    [InlineData("[{{ a.b }}]", """{"a":{"b":null}}""", "[]")]
    [InlineData("[{{ code.x }}]", """{"code":"123"}""", "[]")]
    [InlineData("[{{ code. }}]", """{"code":"123"}""", "[]")]
    [InlineData("[{{ items.0 }}|{{ items.1 }}]", """{"items":["a","b"]}""", "[a|b]")]
    [InlineData("[{{ items.2 }}]", """{"items":["a","b"]}""", "[]")]
    [InlineData("[{{ items.01 }}]", """{"items":["a","b"]}""", "[]")]
    [InlineData("[{{ items.0.name }}]", """{"items":[{"name":"n"}]}""", "[n]")]
    [InlineData("{{ organization.name }} invites you", """{"organization":{"id":"o1","name":"Acme"}}""", "Acme invites you")]
    public void Render_NestedPath_ResolvesLikeLogto(string template, string payloadJson, string expected)
    {
        var rendered = MessageTemplate.Parse(template).Render(Payloads.FromJson(payloadJson), TemplateRenderMode.Raw);

        Assert.Equal(expected, rendered);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("false", "false")]
    [InlineData("true", "true")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.0", "1")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1E21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("123456789012345678901", "123456789012345680000")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.1", "0.1")]
    [InlineData("1.5e300", "1.5e+300")]
    [InlineData("1e400", "Infinity")]
    [InlineData("-1e400", "-Infinity")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("\"text\"", "text")]
    [InlineData("\"\"", "")]
    [InlineData("null", "")]
    [InlineData("[\"a\",\"b\"]", "a,b")]
    [InlineData("[1,null,true,2.50]", "1,,true,2.5")]
    [InlineData("[[1,2],[3]]", "1,2,3")]
    [InlineData("[]", "")]
    [InlineData("[{\"x\":1}]", "[object Object]")]
    [InlineData("{\"x\":1}", "[object Object]")]
    [InlineData("{}", "[object Object]")]
    public void Render_JsonValue_RendersAsJavaScriptString(string valueJson, string expected)
    {
        var payload = Payloads.FromJson("{\"v\":" + valueJson + "}");

        var rendered = MessageTemplate.Parse("[{{ v }}]").Render(payload, TemplateRenderMode.Raw);

        Assert.Equal("[" + expected + "]", rendered);
    }

    [Theory]
    [InlineData("{{\u00a0code\u00a0}}")]
    [InlineData("{{\ufeffcode\ufeff}}")]
    [InlineData("{{\tcode\n}}")]
    [InlineData("{{\r\n code \r\n}}")]
    [InlineData("{{\v\fcode}}")]
    [InlineData("{{\u1680code\u2000}}")]
    [InlineData("{{\u200acode\u2028}}")]
    [InlineData("{{\u2029code\u202f}}")]
    [InlineData("{{\u205fcode\u3000}}")]
    public void Render_JavaScriptWhitespaceInsideBraces_IsMatched(string template)
    {
        var rendered = MessageTemplate.Parse(template).Render(CodePayload, TemplateRenderMode.Raw);

        Assert.Equal("123456", rendered);
    }

    [Theory]
    [InlineData("{{\u0085code}}")]
    [InlineData("{{code\u0085}}")]
    [InlineData("{{\u200bcode}}")]
    [InlineData("{{\u180ecode}}")]
    public void Render_NonJavaScriptWhitespaceInsideBraces_StaysLiteral(string template)
    {
        var rendered = MessageTemplate.Parse(template).Render(CodePayload, TemplateRenderMode.Raw);

        Assert.Equal(template, rendered);
    }

    [Theory]
    [InlineData("{{ items.length }}", """{"items":["a","b","c"]}""", "3")]
    [InlineData("{{ name.length }}", """{"name":"Zoë"}""", "3")]
    [InlineData("{{ org.length }}", """{"org":{"length":7}}""", "7")]
    [InlineData("{{ org.length }}", """{"org":{"name":"x"}}""", "")]
    [InlineData("{{ items.length.x }}", """{"items":["a"]}""", "")]
    public void Render_LengthOfArrayOrString_RendersLikeLodashGet(string template, string payloadJson, string expected)
    {
        var rendered = MessageTemplate.Parse(template).Render(Payloads.FromJson(payloadJson), TemplateRenderMode.Raw);

        Assert.Equal(expected, rendered);
    }

    [Fact]
    public void Render_LengthOfNamedCode_IsItsLength()
    {
        Assert.Equal("6", MessageTemplate.Parse("{{code.length}}").Render(CodePayload, TemplateRenderMode.Raw));
    }

    [Fact]
    public void Render_WellKnownPayloadProperties_AreAllResolvable()
    {
        var payload = new SendMessagePayload { Code = "c1", Link = "https://example.com/l", Locale = "fr-CA", UiLocales = "fr-CA en" };

        var rendered = MessageTemplate.Parse("{{code}}|{{link}}|{{locale}}|{{uiLocales}}").Render(payload, TemplateRenderMode.Raw);

        Assert.Equal("c1|https://example.com/l|fr-CA|fr-CA en", rendered);
    }

    [Fact]
    public void Render_NamedPropertyAndSameNamedValue_PropertyWins()
    {
        var payload = new SendMessagePayload
        {
            Code = "from-property",
            Values = new Dictionary<string, JsonElement> { ["code"] = Payloads.Element("\"from-values\"") },
        };

        var rendered = MessageTemplate.Parse("{{ code }}").Render(payload, TemplateRenderMode.Raw);

        Assert.Equal("from-property", rendered);
    }

    [Fact]
    public void Render_EmptyPayload_LeavesEveryPlaceholderLiteral()
    {
        const string template = "Code {{ code }}, link {{link}}, {{ org.name }}";

        var rendered = MessageTemplate.Parse(template).Render(new SendMessagePayload(), TemplateRenderMode.Raw);

        Assert.Equal(template, rendered);
    }

    [Fact]
    public void Render_HtmlMode_EscapesValuesButNotTemplateMarkup()
    {
        var payload = Payloads.FromJson("""{"name":"<b>\"Tom\" & 'Jerry'</b>"}""");
        var template = MessageTemplate.Parse("<p class=\"greeting\" data-x='1'>Hi {{ name }} & <i>welcome</i></p>");

        var rendered = template.Render(payload, TemplateRenderMode.Html);

        Assert.Equal("<p class=\"greeting\" data-x='1'>Hi &lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt; & <i>welcome</i></p>", rendered);
    }

    [Fact]
    public void Render_HtmlMode_LeavesAbsentPlaceholderLiteralAndRendersNumbers()
    {
        var payload = Payloads.FromJson("""{"n":1e21,"list":["<a>","b&c"]}""");

        var rendered = MessageTemplate.Parse("<p>{{ n }} {{ list }} {{ missing }}</p>").Render(payload, TemplateRenderMode.Html);

        Assert.Equal("<p>1e+21 &lt;a&gt;,b&amp;c {{ missing }}</p>", rendered);
    }

    [Fact]
    public void Render_RawMode_InsertsValuesUnescaped()
    {
        var payload = Payloads.FromJson("""{"name":"<b>Tom & 'Jerry'</b>\r\nline"}""");

        var rendered = MessageTemplate.Parse("Hi {{name}}").Render(payload, TemplateRenderMode.Raw);

        Assert.Equal("Hi <b>Tom & 'Jerry'</b>\r\nline", rendered);
    }

    [Theory]
    [InlineData("Code {{ code }}", "1\r\n2", "Code 1 2")]
    [InlineData("Code {{ code }}", "1\n\n\r\n2", "Code 1 2")]
    [InlineData("Code {{ code }}", "1\r2", "Code 1 2")]
    [InlineData("Code:\r\n{{ code }}", "1", "Code: 1")]
    [InlineData("Code {{ code }}\n", "1", "Code 1")]
    [InlineData("Code {{ code }}", "<b>&</b>", "Code <b>&</b>")]
    [InlineData("Code {{ code }}", "1\t2", "Code 1\t2")]
    public void Render_SingleLineMode_CollapsesLineBreaksToOneSpace(string template, string code, string expected)
    {
        var rendered = MessageTemplate.Parse(template).Render(new SendMessagePayload { Code = code }, TemplateRenderMode.SingleLine);

        Assert.Equal(expected, rendered);
    }

    [Fact]
    public void Parse_Text_KeepsTextAndReportsPlaceholders()
    {
        var withPlaceholder = MessageTemplate.Parse("Code {{ code }}");
        var withoutPlaceholder = MessageTemplate.Parse("Code {{ código }}");

        Assert.Equal("Code {{ code }}", withPlaceholder.Text);
        Assert.True(withPlaceholder.HasPlaceholders);
        Assert.Equal("Code {{ código }}", withoutPlaceholder.Text);
        Assert.False(withoutPlaceholder.HasPlaceholders);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => MessageTemplate.Parse(null!));

        Assert.Equal("text", exception.ParamName);
    }

    [Fact]
    public void Render_NullPayload_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => MessageTemplate.Parse("x").Render(null!, TemplateRenderMode.Raw));

        Assert.Equal("payload", exception.ParamName);
    }

    [Fact]
    public void Render_SameTemplateTwice_GivesIndependentResults()
    {
        var template = MessageTemplate.Parse("<b>{{ code }}</b>");

        var first = template.Render(new SendMessagePayload { Code = "<1>" }, TemplateRenderMode.Html);
        var second = template.Render(new SendMessagePayload { Code = "2" }, TemplateRenderMode.Html);

        Assert.Equal("<b>&lt;1&gt;</b>", first);
        Assert.Equal("<b>2</b>", second);
    }
}
