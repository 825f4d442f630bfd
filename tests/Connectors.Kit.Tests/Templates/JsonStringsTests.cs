using System.Text.Json;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;
using Connectors.Kit.Tests.TestSupport;

namespace Connectors.Kit.Tests.Templates;

/// <summary>JSON that escapes unpaired surrogates: valid JSON that System.Text.Json will not decode.</summary>
public sealed class JsonStringsTests
{
    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"a\\ud800b\"", "a\ufffdb")]
    [InlineData("\"\\udc00\"", "\ufffd")]
    [InlineData("\"\\ud83d\\ude00 \\ud83d\"", "😀 \ufffd")]
    [InlineData("\"\\ud800\\b\\f\\n\\r\\t\\\"\\\\\\/\\u00e9\"", "\ufffd\b\f\n\r\t\"\\/é")]
    [InlineData("\"\\ude00\\ud83d\"", "\ufffd\ufffd")]
    public void GetString_EscapedText_DecodesWithUnpairedSurrogatesAsReplacementCharacters(string json, string expected)
    {
        Assert.Equal(expected, JsonStrings.GetString(Payloads.Element(json)));
    }

    [Fact]
    public void FromJson_KeyOrNamedValueWithAnUnpairedSurrogate_SkipsTheKeyAndReadsTheValue()
    {
        var payload = Payloads.FromJson("{\"\\ud800\":1,\"code\":\"1\\udc002\",\"org\":\"x\\ud800\"}");

        Assert.Equal("1\ufffd2", payload.Code);
        Assert.Equal(["org"], payload.Values.Keys);
        Assert.Equal("<b>x\ufffd</b>", MessageTemplate.Parse("<b>{{org}}</b>").Render(payload, TemplateRenderMode.Html));
    }

    [Fact]
    public void Render_PayloadWithNullValues_LeavesUnknownPlaceholdersLiteral()
    {
        var payload = new SendMessagePayload { Code = "7", Values = null! };

        Assert.Equal("7 {{org}}", MessageTemplate.Parse("{{code}} {{org}}").Render(payload, TemplateRenderMode.Raw));
    }
}
