using System.Text.Json;
using Connectors.AwsSes.Addresses;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.AwsSes.Tests.Properties;

/// <summary>
/// Properties of a whole send for arbitrary senders, recipients, reply-to addresses, sender names,
/// templates, payloads and configs: the outcome is one clean request or a <see cref="ConnectorError"/>
/// with nothing sent, never another exception; no CR or LF reaches a header field.
/// </summary>
public sealed class ConnectorProperties
{
    private const int MaxTest = 500;

    private static readonly string[] ValidSenders = ["noreply@example.com", "Example App <noreply@example.com>", "\"Zoë, Inc.\" <noreply@bücher.example>"];

    /// <summary>One send: the stored config's sender and SignIn template, an optional localized template, and the message.</summary>
    public sealed record SendCase(string Sender, string Subject, string Content, Localized? LocalizedTemplate, string To, string PayloadJson)
    {
        public override string ToString() =>
            $"sender {SesGen.JsonString(Sender)}, subject {SesGen.JsonString(Subject)}, content {SesGen.JsonString(Content)}, localized {LocalizedTemplate}, to {SesGen.JsonString(To)}, payload {PayloadJson}";
    }

    /// <summary>A host's localized template.</summary>
    public sealed record Localized(string Subject, string Content, bool Text, string? ReplyTo, string? SendFrom)
    {
        public override string ToString() =>
            $"{{ subject {SesGen.JsonString(Subject)}, content {SesGen.JsonString(Content)}, text {Text}, replyTo {(ReplyTo is null ? "null" : SesGen.JsonString(ReplyTo))}, sendFrom {(SendFrom is null ? "null" : SesGen.JsonString(SendFrom))} }}";
    }

    /// <summary>A config as JSON text and the message.</summary>
    public sealed record JsonConfigCase(string ConfigJson, string To, string PayloadJson)
    {
        public override string ToString() => $"config {ConfigJson}, to {SesGen.JsonString(To)}, payload {PayloadJson}";
    }

    private static Gen<string> Recipient { get; } = Gen.Frequency((3, SesGen.ValidAddress), (1, SesGen.Address));

    private static Gen<string> TemplateText { get; } =
        Gen.Frequency((3, SesGen.Text), (1, Gen.Elements("Code {{code}}", "{{ x }} {{org.a}} {{code}}", "<p>{{name}}</p>", "{{link}}")));

    private static Gen<string?> Optional(Gen<string> gen) => Gen.Frequency((1, Gen.Constant<string?>(null)), (2, gen.Select(s => (string?)s)));

    private static Arbitrary<SendCase> SendCases { get; } =
        (from sender in Gen.Frequency((2, Gen.Elements(ValidSenders)), (2, from name in SesGen.Text from address in SesGen.ValidAddress select name + " <" + address + ">"), (1, SesGen.Mailbox))
         from subject in TemplateText
         from content in TemplateText
         from localized in Gen.Frequency(
             (1, Gen.Constant<Localized?>(null)),
             (2, from s in TemplateText
                 from c in TemplateText
                 from text in ArbMap.Default.GeneratorFor<bool>()
                 from replyTo in Optional(Gen.Frequency((1, Gen.Elements(ValidSenders)), (1, SesGen.ValidAddress), (2, SesGen.Mailbox)))
                 from sendFrom in Optional(SesGen.Text)
                 select (Localized?)new Localized(s, c, text, replyTo, sendFrom)))
         from to in Recipient
         from payload in SesGen.JsonPayload
         select new SendCase(sender, subject, content, localized, to, payload)).ToArbitrary();

    private static Gen<string> ConfigValue { get; } = Gen.Frequency(
        (8, Gen.Constant(string.Empty)), // Marker: the key's valid value.
        (1, SesGen.Text.Select(SesGen.JsonString)),
        (1, SesGen.JsonValue(2)));

    private static Gen<string> ExtraTemplate { get; } =
        from usageType in Gen.Elements("SignIn", "Generic", "Login", "signin", "BindMfa", "MfaVerification")
        from subject in TemplateText
        from content in TemplateText
        select TemplateJson(SesGen.JsonString(usageType), subject, content);

    private static Arbitrary<JsonConfigCase> JsonConfigCases { get; } =
        (from accessKeyId in ConfigValue
         from secret in ConfigValue
         from region in ConfigValue
         from sender in Gen.Frequency((2, Gen.Elements(ValidSenders).Select(SesGen.JsonString)), (1, SesGen.Mailbox.Select(SesGen.JsonString)), (1, SesGen.JsonValue(1)))
         from arn in Gen.Frequency((3, Gen.Constant("null")), (1, Gen.Elements("\"arn:aws:ses:us-east-1:123456789012:identity/example.com\"", "\"arn:aws:ses:us-east-1:1:identity/x\"")), (1, SesGen.JsonValue(1)))
         from endpoint in Gen.Frequency((3, Gen.Constant("null")), (1, Gen.Elements("\"https://email.example.com\"", "\"file:///etc/passwd\"", "\"relative\"")), (1, SesGen.JsonValue(1)))
         from plain in Gen.Elements("true", "false", "null", "1", "\"no\"")
         from templates in Gen.Frequency(
             (4, Gen.Choose(0, 5).SelectMany(extra => ExtraTemplate.ListOf(extra))
                 .Select(extra => "[" + string.Join(',', RequiredTemplates().Concat(extra)) + "]")),
             (1, SesGen.JsonValue(3)))
         from unknown in SesGen.JsonValue(3)
         from to in Recipient
         from payload in SesGen.JsonPayload
         select new JsonConfigCase(
             "{" + string.Join(',', [
                 Member("accessKeyId", accessKeyId, "\"AKIDEXAMPLE\""),
                 Member("accessKeySecret", secret, SesGen.JsonString(TestConfigs.SecretKey)),
                 Member("region", region, "\"us-east-1\""),
                 Member("emailAddress", sender, sender),
                 Member("emailAddressIdentityArn", arn, arn),
                 Member("endpoint", endpoint, endpoint),
                 Member("sendPlainTextPart", plain, plain),
                 Member("templates", templates, templates),
                 Member("unknownKey", unknown, unknown)]) + "}",
             to,
             payload)).ToArbitrary();

    [Property(MaxTest = MaxTest)]
    public Property SendMessageAsync_AnyAddressesNamesTemplatesAndPayload_SendsOneCleanRequestOrThrowsAConnectorError() =>
        Prop.ForAll(SendCases, sample =>
        {
            var options = new AwsSesConnectorOptions
            {
                AccessKeyId = TestConfigs.AccessKeyId,
                AccessKeySecret = TestConfigs.SecretKey,
                Region = TestConfigs.Region,
                EmailAddress = sample.Sender,
                Templates = [.. TemplateTypes.Required.Select(t => new EmailTemplate
                {
                    UsageType = t.ToWireName(),
                    Subject = t == TemplateType.SignIn ? sample.Subject : "s",
                    Content = t == TemplateType.SignIn ? sample.Content : "c",
                })],
            };
            var harness = new ConnectorHarness(options);
            var localized = sample.LocalizedTemplate is { } l
                ? new FixedLocalizedTemplates(new EmailTemplateDetails
                {
                    Subject = l.Subject,
                    Content = l.Content,
                    ContentType = l.Text ? EmailContentType.Text : EmailContentType.Html,
                    ReplyTo = l.ReplyTo,
                    SendFrom = l.SendFrom,
                })
                : null;
            var data = new SendMessageData { To = sample.To, Type = TemplateType.SignIn, Payload = Payload(sample.PayloadJson) };

            AssertOneCleanRequestOrConnectorError(harness, () => harness.Create(localizedTemplates: localized).SendMessageAsync(data));
        });

    [Property(MaxTest = MaxTest)]
    public Property SendMessageAsync_AnyJsonConfig_SendsOneCleanRequestOrThrowsAConnectorError() =>
        Prop.ForAll(JsonConfigCases, sample =>
        {
            var harness = new ConnectorHarness();
            using var config = JsonDocument.Parse(sample.ConfigJson);
            var data = new SendMessageData { To = sample.To, Type = TemplateType.SignIn, Payload = Payload(sample.PayloadJson) };

            AssertOneCleanRequestOrConnectorError(harness, () => harness.Create().SendMessageAsync(data, config.RootElement));
        });

    private static void AssertOneCleanRequestOrConnectorError(ConnectorHarness harness, Func<Task<string>> send)
    {
        try
        {
            // The strict mock answers at once, so the send completes synchronously.
            Assert.Equal(ConnectorHarness.MessageId, send().GetAwaiter().GetResult());
        }
        catch (ConnectorError error)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Empty(harness.Sent);
            return;
        }

        var request = Assert.Single(harness.Sent).Request;
        AddressProperties.AssertPrintableAscii(request.FromEmailAddress);
        Assert.True(EmailAddressParser.TryParseMailbox(request.FromEmailAddress, out _, out _), request.FromEmailAddress);
        var to = Assert.Single(request.Destination.ToAddresses);
        AddressProperties.AssertPrintableAscii(to);
        Assert.True(EmailAddressParser.TryParseAddress(to, out var parsed, out _), to);
        Assert.Equal(to, parsed.Address);
        foreach (var replyTo in request.ReplyToAddresses ?? [])
        {
            AddressProperties.AssertPrintableAscii(replyTo);
            Assert.True(EmailAddressParser.TryParseMailbox(replyTo, out _, out _), replyTo);
        }

        Assert.DoesNotContain('\r', request.Content.Simple.Subject.Data);
        Assert.DoesNotContain('\n', request.Content.Simple.Subject.Data);
        Assert.True(request.Content.Simple.Body.Html is not null || request.Content.Simple.Body.Text is not null);
        Assert.NotEmpty(JsonSerializer.SerializeToUtf8Bytes(request, SesJsonContext.Wire.SendEmailRequest));
    }

    private static SendMessagePayload Payload(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SendMessagePayload.FromJson(document.RootElement);
    }

    private static string Member(string name, string value, string valid) =>
        SesGen.JsonString(name) + ":" + (value.Length == 0 ? valid : value);

    private static IEnumerable<string> RequiredTemplates() =>
        TemplateTypes.Required.Select(t => TemplateJson(SesGen.JsonString(t.ToWireName()), "Code {{code}}", "<p>{{code}}</p>"));

    private static string TemplateJson(string usageTypeJson, string subject, string content) =>
        "{\"usageType\":" + usageTypeJson + ",\"subject\":" + SesGen.JsonString(subject) + ",\"content\":" + SesGen.JsonString(content) + "}";

    private sealed class FixedLocalizedTemplates(EmailTemplateDetails details) : ILocalizedEmailTemplateProvider
    {
        public ValueTask<EmailTemplateDetails?> GetTemplateAsync(TemplateType type, string? locale, CancellationToken cancellationToken) =>
            ValueTask.FromResult<EmailTemplateDetails?>(details);
    }
}
