using System.Text.Json;
using Connectors.Kit.Messages;
using Connectors.Kit.Tests.TestSupport;

namespace Connectors.Kit.Tests.Messages;

public class SendMessagePayloadTests
{
    [Fact]
    public void FromJson_WellKnownStringKeys_FillNamedProperties()
    {
        var payload = Payloads.FromJson("""{"code":"123456","link":"https://example.com/magic","locale":"fr-CA","uiLocales":"fr-CA en"}""");

        Assert.Equal("123456", payload.Code);
        Assert.Equal("https://example.com/magic", payload.Link);
        Assert.Equal("fr-CA", payload.Locale);
        Assert.Equal("fr-CA en", payload.UiLocales);
        Assert.Empty(payload.Values);
    }

    [Fact]
    public void FromJson_OtherKeys_GoToValuesAsJson()
    {
        var payload = Payloads.FromJson("""{"code":"1","organization":{"name":"Acme"},"count":3,"tags":["a","b"]}""");

        Assert.Equal(["count", "organization", "tags"], payload.Values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("""{"name":"Acme"}""", payload.Values["organization"].GetRawText());
        Assert.Equal(3, payload.Values["count"].GetInt32());
        Assert.Equal("""["a","b"]""", payload.Values["tags"].GetRawText());
    }

    [Theory]
    [InlineData("""{"code":123456}""", "123456")]
    [InlineData("""{"code":null}""", "null")]
    [InlineData("""{"code":true}""", "true")]
    [InlineData("""{"code":{"v":1}}""", """{"v":1}""")]
    public void FromJson_WellKnownKeyNotAString_GoesToValues(string json, string expectedRaw)
    {
        var payload = Payloads.FromJson(json);

        Assert.Null(payload.Code);
        Assert.Equal(expectedRaw, payload.Values["code"].GetRawText());
    }

    [Fact]
    public void FromJson_KeysAreCaseSensitive()
    {
        var payload = Payloads.FromJson("""{"Code":"A","LOCALE":"fr"}""");

        Assert.Null(payload.Code);
        Assert.Null(payload.Locale);
        Assert.Equal(JsonValueKind.String, payload.Values["Code"].ValueKind);
        Assert.Equal(JsonValueKind.String, payload.Values["LOCALE"].ValueKind);
    }

    [Fact]
    public void FromJson_ValuesOutliveTheDocument()
    {
        SendMessagePayload payload;
        using (var document = JsonDocument.Parse("""{"org":{"name":"Acme"}}"""))
        {
            payload = SendMessagePayload.FromJson(document.RootElement);
        }

        Assert.Equal("Acme", payload.Values["org"].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"code\"")]
    [InlineData("null")]
    [InlineData("42")]
    public void FromJson_NotAnObject_ThrowsArgumentException(string json)
    {
        var element = Payloads.Element(json);

        var exception = Assert.Throws<ArgumentException>(() => SendMessagePayload.FromJson(element));

        Assert.Equal("json", exception.ParamName);
        Assert.StartsWith("The payload must be a JSON object.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_Default_HasNoValues()
    {
        var payload = new SendMessagePayload();

        Assert.Null(payload.Code);
        Assert.Null(payload.Link);
        Assert.Null(payload.Locale);
        Assert.Null(payload.UiLocales);
        Assert.Empty(payload.Values);
    }

    [Fact]
    public void SendMessageData_Default_HasEmptyPayload()
    {
        var data = new SendMessageData { To = "user@example.com", Type = TemplateType.SignIn };

        Assert.NotNull(data.Payload);
        Assert.Empty(data.Payload.Values);
        Assert.Null(data.Ip);
    }
}
