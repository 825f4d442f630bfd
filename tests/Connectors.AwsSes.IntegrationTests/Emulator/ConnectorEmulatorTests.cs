using Connectors.AwsSes.Configuration;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.IntegrationTests.Emulator;

/// <summary>
/// The connector's real sending path (signing, HTTP, JSON) against the aws-ses-v2-local emulator:
/// each usage type arrives with the exact subject, HTML, text, sender, recipient and reply-to.
/// </summary>
[Collection(SesEmulatorCollection.Name)]
public sealed class ConnectorEmulatorTests(SesEmulatorFixture emulator)
{
    public static TheoryData<TemplateType> UsageTypes()
    {
        var data = new TheoryData<TemplateType>();
        foreach (var type in TemplateTypes.All)
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UsageTypes))]
    public async Task SendMessageAsync_EachUsageType_ArrivesExactly(TemplateType type)
    {
        var connector = AwsSesConnector.Create(Options(TemplateTypes.All));
        var code = Random.Shared.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var messageId = await connector.SendMessageAsync(new SendMessageData
        {
            To = "user@bücher.example",
            Type = type,
            Payload = SendMessagePayload.FromJson(System.Text.Json.JsonDocument.Parse("{\"code\":\"" + code + "\",\"organization\":{\"name\":\"Acme <R&D>\"}}").RootElement),
        });

        var stored = Assert.Single(await emulator.GetStoredEmailsAsync(), e => e.MessageId == messageId);
        var name = type.ToWireName();
        Assert.Equal("=?UTF-8?B?w4lxdWlwZSBJZGVudGl0w6k=?= <noreply@example.com>", stored.From);
        Assert.Equal(["user@xn--bcher-kva.example"], stored.Destination.To);
        Assert.Empty(stored.ReplyTo);
        Assert.Equal($"{name}: {code} for Acme <R&D>", stored.Subject);
        Assert.Equal($"<p>{name} code <b>{code}</b> for Acme &lt;R&amp;D&gt;.</p><p><a href=\"https://example.com/help\">Help</a></p>", stored.Body.Html);
        Assert.Equal($"{name} code {code} for Acme <R&D>.\n\nHelp (https://example.com/help)", stored.Body.Text);
    }

    [Fact]
    public async Task SendMessageAsync_LocalizedTemplateWithReplyToAndSendFrom_ArrivesWithThem()
    {
        var connector = AwsSesConnector.Create(Options(TemplateTypes.Required), localizedTemplates: new FrenchTemplates());

        var messageId = await connector.SendMessageAsync(new SendMessageData
        {
            To = "user@example.com",
            Type = TemplateType.MfaVerification,
            Payload = new SendMessagePayload { Code = "424242", Locale = "fr" },
        });

        var stored = Assert.Single(await emulator.GetStoredEmailsAsync(), e => e.MessageId == messageId);
        Assert.Equal("Support Acme <noreply@example.com>", stored.From);
        Assert.Equal(["=?UTF-8?B?w4lxdWlwZSBTdXBwb3J0?= <support@example.com>"], stored.ReplyTo);
        Assert.Equal("Votre code : 424242", stored.Subject);
        Assert.Null(stored.Body.Html);
        Assert.Equal("Code de vérification : 424242", stored.Body.Text);
    }

    [Fact]
    public async Task SendMessageAsync_LargeTemplate_ArrivesByteForByte()
    {
        var options = Options(TemplateTypes.Required);
        var paragraph = "<p>Ceci est un paragraphe assez long, répété pour grossir le message : {{code}}.</p>\n";
        options.Templates![0].Content = string.Concat(Enumerable.Repeat(paragraph, 2_000));
        var connector = AwsSesConnector.Create(options);

        var messageId = await connector.SendMessageAsync(new SendMessageData { To = "user@example.com", Type = TemplateTypes.Required[0], Payload = new SendMessagePayload { Code = "987654" } });

        var stored = Assert.Single(await emulator.GetStoredEmailsAsync(), e => e.MessageId == messageId);
        Assert.Equal(string.Concat(Enumerable.Repeat(paragraph.Replace("{{code}}", "987654", StringComparison.Ordinal), 2_000)), stored.Body.Html);
    }

    [Fact]
    public async Task GetUsageAsync_Emulator_ReturnsSentLast24Hours()
    {
        var connector = AwsSesConnector.Create(Options(TemplateTypes.Required));

        Assert.Equal((long)emulator.Account.SentLast24Hours, await connector.GetUsageAsync());
    }

    private AwsSesConnectorOptions Options(IEnumerable<TemplateType> types) => new()
    {
        AccessKeyId = "AKIDEXAMPLE",
        AccessKeySecret = "emulator-secret",
        Region = "us-east-1",
        Endpoint = emulator.Endpoint.ToString(),
        EmailAddress = "Équipe Identité <noreply@example.com>",
        ConfigurationSetName = "auth-emails",
        Templates = types.Select(t => new EmailTemplate
        {
            UsageType = t.ToWireName(),
            Subject = t.ToWireName() + ": {{ code }} for {{organization.name}}",
            Content = "<p>" + t.ToWireName() + " code <b>{{code}}</b> for {{ organization.name }}.</p><p><a href=\"https://example.com/help\">Help</a></p>",
        }).ToList(),
    };

    private sealed class FrenchTemplates : ILocalizedEmailTemplateProvider
    {
        public ValueTask<EmailTemplateDetails?> GetTemplateAsync(TemplateType type, string? locale, CancellationToken cancellationToken) =>
            ValueTask.FromResult<EmailTemplateDetails?>(locale == "fr"
                ? new EmailTemplateDetails
                {
                    Subject = "Votre code : {{code}}",
                    Content = "Code de vérification : {{code}}",
                    ContentType = EmailContentType.Text,
                    ReplyTo = "Équipe Support <support@example.com>",
                    SendFrom = "Support Acme",
                }
                : null);
    }
}
