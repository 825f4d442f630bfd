using System.Text.Json;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Connectors;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Metadata;
using Connectors.Kit.Templates;
using Microsoft.Extensions.Logging;
using Moq;

namespace Connectors.AwsSes.Tests;

public class AwsSesConnectorTests
{
    private const string To = "user@example.com";

    private static readonly SesConnectionSettings ConfiguredConnection =
        new("us-east-1", null, false, false, TestConfigs.AccessKeyId, TestConfigs.SecretKey, null);

    [Fact]
    public async Task SendMessageAsync_SignIn_SendsTheExactRequestAndReturnsTheMessageId()
    {
        var harness = new ConnectorHarness();

        var messageId = await harness.Create().SendMessageAsync(Data(TemplateType.SignIn));

        Assert.Equal(ConnectorHarness.MessageId, messageId);
        Assert.Equal(
            """{"FromEmailAddress":"Example App <noreply@example.com>","Destination":{"ToAddresses":["user@example.com"]},"Content":{"Simple":{"Subject":{"Data":"SignIn code 123456","Charset":"UTF-8"},"Body":{"Html":{"Data":"<p>SignIn body: <b>123456</b></p>","Charset":"UTF-8"},"Text":{"Data":"SignIn body: 123456","Charset":"UTF-8"}}}},"EmailTags":[{"Name":"usageType","Value":"SignIn"}]}""",
            harness.SentJson);
        Assert.Equal(ConfiguredConnection, harness.Sent[0].Connection);
    }

    [Theory]
    [InlineData(TemplateType.SignIn, "SignIn")]
    [InlineData(TemplateType.Register, "Register")]
    [InlineData(TemplateType.ForgotPassword, "ForgotPassword")]
    [InlineData(TemplateType.OrganizationInvitation, "OrganizationInvitation")]
    [InlineData(TemplateType.Generic, "Generic")]
    [InlineData(TemplateType.UserPermissionValidation, "UserPermissionValidation")]
    [InlineData(TemplateType.BindNewIdentifier, "BindNewIdentifier")]
    [InlineData(TemplateType.MfaVerification, "MfaVerification")]
    [InlineData(TemplateType.BindMfa, "BindMfa")]
    public async Task SendMessageAsync_ConfigWithEveryTemplate_UsesTheTypesOwnTemplate(TemplateType type, string wireName)
    {
        var harness = new ConnectorHarness();

        await harness.Create().SendMessageAsync(Data(type), TestConfigs.AllTemplates());

        Assert.Equal(SimpleRequest(templateName: wireName, tag: wireName), harness.SentJson);
    }

    [Theory]
    [InlineData(TemplateType.SignIn, "SignIn", "SignIn")]
    [InlineData(TemplateType.Register, "Register", "Register")]
    [InlineData(TemplateType.ForgotPassword, "ForgotPassword", "ForgotPassword")]
    [InlineData(TemplateType.OrganizationInvitation, "Generic", "OrganizationInvitation")]
    [InlineData(TemplateType.Generic, "Generic", "Generic")]
    [InlineData(TemplateType.UserPermissionValidation, "Generic", "UserPermissionValidation")]
    [InlineData(TemplateType.BindNewIdentifier, "Generic", "BindNewIdentifier")]
    [InlineData(TemplateType.MfaVerification, "Generic", "MfaVerification")]
    [InlineData(TemplateType.BindMfa, "Generic", "BindMfa")]
    public async Task SendMessageAsync_ConfigWithRequiredTemplatesOnly_FallsBackToGeneric(TemplateType type, string templateName, string tag)
    {
        var harness = new ConnectorHarness();

        await harness.Create().SendMessageAsync(Data(type), TestConfigs.RequiredTemplates());

        Assert.Equal(SimpleRequest(templateName, tag), harness.SentJson);
    }

    [Fact]
    public async Task SendMessageAsync_InputConfig_WinsOverStoredOptions()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o => o.EmailAddress = "options@example.com"));
        var input = TestConfigs.AllTemplates(root =>
        {
            root["region"] = "eu-west-1";
            root["emailAddress"] = "input@example.com";
            root.Remove("accessKeyId");
            root.Remove("accessKeySecret");
        });

        await harness.Create().SendMessageAsync(Data(TemplateType.Register), input);

        var (connection, request) = Assert.Single(harness.Sent);
        Assert.Equal("input@example.com", request.FromEmailAddress);
        Assert.Equal(new SesConnectionSettings("eu-west-1", null, false, false, null, null, null), connection);
    }

    [Fact]
    public async Task SendMessageAsync_ConfigProviderEntry_WinsOverStoredOptions()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o => o.EmailAddress = "options@example.com"));
        var provider = ConfigProvider(TestConfigs.RequiredTemplates(root => root["emailAddress"] = "tenant@example.com"));

        await harness.Create(provider.Object).SendMessageAsync(Data(TemplateType.MfaVerification));

        Assert.Equal(SimpleRequest("Generic", "MfaVerification", from: "tenant@example.com"), harness.SentJson);
        provider.Verify(p => p.GetConfigAsync(ConnectorHarness.InstanceName, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendMessageAsync_ConfigProviderHasNoEntry_UsesStoredOptions()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o => o.EmailAddress = "options@example.com"));
        var provider = ConfigProvider(null);

        await harness.Create(provider.Object).SendMessageAsync(Data(TemplateType.MfaVerification));

        Assert.Equal(SimpleRequest("MfaVerification", "MfaVerification", from: "options@example.com"), harness.SentJson);
    }

    [Fact]
    public async Task SendMessageAsync_InputConfigAndConfigProvider_InputConfigWinsAndProviderIsNotAsked()
    {
        var harness = new ConnectorHarness();
        var provider = ConfigProvider(TestConfigs.AllTemplates(root => root["emailAddress"] = "tenant@example.com"));

        await harness.Create(provider.Object).SendMessageAsync(Data(TemplateType.SignIn), TestConfigs.AllTemplates(root => root["emailAddress"] = "input@example.com"));

        Assert.Equal("input@example.com", Assert.Single(harness.Sent).Request.FromEmailAddress);
        provider.Verify(p => p.GetConfigAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SendMessageAsync_LocalizedTemplate_WinsWithItsReplyToAndSender()
    {
        var harness = new ConnectorHarness();
        var localized = LocalizedTemplates(TemplateType.SignIn, "fr", new EmailTemplateDetails
        {
            Subject = "Votre code {{ code }}",
            Content = "<p>Votre code : <b>{{ code }}</b></p>",
            ReplyTo = "Support <support@example.com>",
            SendFrom = "Équipe Example",
        });

        await harness.Create(localizedTemplates: localized.Object).SendMessageAsync(Data(TemplateType.SignIn, new SendMessagePayload { Code = "123456", Locale = "fr" }));

        Assert.Equal(
            """{"FromEmailAddress":"=?UTF-8?B?w4lxdWlwZSBFeGFtcGxl?= <noreply@example.com>","Destination":{"ToAddresses":["user@example.com"]},"ReplyToAddresses":["Support <support@example.com>"],"Content":{"Simple":{"Subject":{"Data":"Votre code 123456","Charset":"UTF-8"},"Body":{"Html":{"Data":"<p>Votre code : <b>123456</b></p>","Charset":"UTF-8"},"Text":{"Data":"Votre code : 123456","Charset":"UTF-8"}}}},"EmailTags":[{"Name":"usageType","Value":"SignIn"}]}""",
            harness.SentJson);
        localized.Verify(p => p.GetTemplateAsync(TemplateType.SignIn, "fr", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendMessageAsync_LocalizedTextTemplate_SendsOnlyARawTextBody()
    {
        var harness = new ConnectorHarness();
        var localized = LocalizedTemplates(TemplateType.ForgotPassword, "de", new EmailTemplateDetails
        {
            Subject = "Code {{ code }}",
            Content = "Ihr Code: {{ code }}\nGrüße <das Team> & {{ org }}",
            ContentType = EmailContentType.Text,
        });
        var payload = PayloadFromJson("""{"code":"<42>","locale":"de","org":"A & 'B'"}""");

        await harness.Create(localizedTemplates: localized.Object).SendMessageAsync(Data(TemplateType.ForgotPassword, payload));

        Assert.Equal(
            """{"FromEmailAddress":"Example App <noreply@example.com>","Destination":{"ToAddresses":["user@example.com"]},"Content":{"Simple":{"Subject":{"Data":"Code <42>","Charset":"UTF-8"},"Body":{"Text":{"Data":"Ihr Code: <42>\nGrüße <das Team> & A & 'B'","Charset":"UTF-8"}}}},"EmailTags":[{"Name":"usageType","Value":"ForgotPassword"}]}""",
            harness.SentJson);
    }

    [Fact]
    public async Task SendMessageAsync_LocalizedTemplateHookThrows_UsesTheConfigTemplateAndLogsAWarning()
    {
        var harness = new ConnectorHarness();
        var failure = new InvalidOperationException("template store is down");
        var localized = new Mock<ILocalizedEmailTemplateProvider>(MockBehavior.Strict);
        localized.Setup(p => p.GetTemplateAsync(It.IsAny<TemplateType>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);

        var messageId = await harness.Create(localizedTemplates: localized.Object).SendMessageAsync(Data(TemplateType.SignIn, new SendMessagePayload { Code = "123456", Locale = "fr" }));

        Assert.Equal(ConnectorHarness.MessageId, messageId);
        Assert.Equal(SimpleRequest("SignIn", "SignIn"), harness.SentJson);
        var record = Assert.Single(harness.Logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("LocalizedTemplateFailed", record.Id.Name);
        Assert.Equal("The localized template lookup for SignIn failed; using the configured template.", record.Message);
        Assert.Same(failure, record.Exception);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "<p>{{code}}</p>")]
    [InlineData("Subject", "")]
    public async Task SendMessageAsync_LocalizedTemplateMissingOrIncomplete_UsesTheConfigTemplate(string? subject, string? content)
    {
        var harness = new ConnectorHarness();
        var details = subject is null ? null : new EmailTemplateDetails { Subject = subject, Content = content! };
        var localized = LocalizedTemplates(TemplateType.BindMfa, null, details);

        await harness.Create(localizedTemplates: localized.Object).SendMessageAsync(Data(TemplateType.BindMfa));

        Assert.Equal(SimpleRequest("BindMfa", "BindMfa"), harness.SentJson);
        Assert.DoesNotContain(harness.Logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task SendMessageAsync_LocalizedTemplateForAnotherLocale_IsNotUsed()
    {
        var harness = new ConnectorHarness();
        var localized = LocalizedTemplates(TemplateType.SignIn, "fr", new EmailTemplateDetails { Subject = "FR {{code}}", Content = "<p>FR</p>" });

        await harness.Create(localizedTemplates: localized.Object).SendMessageAsync(Data(TemplateType.SignIn, new SendMessagePayload { Code = "123456", Locale = "de" }));

        Assert.Equal(SimpleRequest("SignIn", "SignIn"), harness.SentJson);
    }

    [Theory]
    [InlineData("support", "The localized template's 'replyTo' is not an email address (expected local-part@domain).")]
    [InlineData("a@example.com, b@example.com", "The localized template's 'replyTo' must be exactly one address, not a list.")]
    public async Task SendMessageAsync_LocalizedReplyToInvalid_IsInvalidConfigAndNothingIsSent(string replyTo, string expectedMessage)
    {
        var harness = new ConnectorHarness();
        var localized = LocalizedTemplates(TemplateType.SignIn, null, new EmailTemplateDetails { Subject = "s", Content = "c", ReplyTo = replyTo });

        var error = await Assert.ThrowsAsync<ConnectorError>(() => harness.Create(localizedTemplates: localized.Object).SendMessageAsync(Data(TemplateType.SignIn)));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal(expectedMessage, error.Message);
        harness.VerifyNothingSent();
    }

    [Fact]
    public async Task SendMessageAsync_LocalizedSendFromWithLineBreak_IsInvalidConfigAndNothingIsSent()
    {
        var harness = new ConnectorHarness();
        var localized = LocalizedTemplates(TemplateType.SignIn, null, new EmailTemplateDetails { Subject = "s", Content = "c", SendFrom = "Team\r\nBcc: x@example.com" });

        var error = await Assert.ThrowsAsync<ConnectorError>(() => harness.Create(localizedTemplates: localized.Object).SendMessageAsync(Data(TemplateType.SignIn)));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal("The localized template's 'sendFrom' contains a line break or another control character.", error.Message);
        harness.VerifyNothingSent();
    }

    [Fact]
    public async Task SendMessageAsync_PayloadWithMarkup_IsEscapedInHtmlAndRawInSubjectAndText()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o => o.Templates![3] = new EmailTemplate
        {
            UsageType = "OrganizationInvitation",
            Subject = "{{ organization.name }} invites you",
            Content = "<p><a href=\"{{link}}\">Join {{ organization.name }}</a></p>",
        }));
        var payload = PayloadFromJson("""{"link":"https://example.com/i?a=1&b=2","organization":{"name":"<script>alert('x')</script> & \"Co\""}}""");

        await harness.Create().SendMessageAsync(Data(TemplateType.OrganizationInvitation, payload));

        Assert.Equal(
            """{"FromEmailAddress":"Example App <noreply@example.com>","Destination":{"ToAddresses":["user@example.com"]},"Content":{"Simple":{"Subject":{"Data":"<script>alert('x')</script> & \"Co\" invites you","Charset":"UTF-8"},"Body":{"Html":{"Data":"<p><a href=\"https://example.com/i?a=1&amp;b=2\">Join &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</a></p>","Charset":"UTF-8"},"Text":{"Data":"Join <script>alert('x')</script> & \"Co\" (https://example.com/i?a=1&b=2)","Charset":"UTF-8"}}}},"EmailTags":[{"Name":"usageType","Value":"OrganizationInvitation"}]}""",
            harness.SentJson);
    }

    [Fact]
    public async Task SendMessageAsync_ValueWithLineBreaks_KeepsTheSubjectOnOneLine()
    {
        var harness = new ConnectorHarness();

        await harness.Create().SendMessageAsync(Data(TemplateType.SignIn, new SendMessagePayload { Code = "12\r\nBcc: x@example.com" }));

        var simple = Assert.Single(harness.Sent).Request.Content.Simple;
        Assert.Equal("SignIn code 12 Bcc: x@example.com", simple.Subject.Data);
        Assert.Equal("<p>SignIn body: <b>12\r\nBcc: x@example.com</b></p>", simple.Body.Html!.Data);
    }

    [Fact]
    public async Task SendMessageAsync_SendPlainTextPartOff_SendsOnlyHtml()
    {
        var harness = new ConnectorHarness();

        await harness.Create().SendMessageAsync(Data(TemplateType.Register), TestConfigs.AllTemplates(root => root["sendPlainTextPart"] = false));

        Assert.Equal(
            """{"FromEmailAddress":"Example App <noreply@example.com>","Destination":{"ToAddresses":["user@example.com"]},"Content":{"Simple":{"Subject":{"Data":"Register code 123456","Charset":"UTF-8"},"Body":{"Html":{"Data":"<p>Register body: <b>123456</b></p>","Charset":"UTF-8"}}}},"EmailTags":[{"Name":"usageType","Value":"Register"}]}""",
            harness.SentJson);
    }

    [Fact]
    public async Task SendMessageAsync_TagUsageTypeOff_SendsNoTags()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o => o.TagUsageType = false));

        await harness.Create().SendMessageAsync(Data(TemplateType.Generic));

        Assert.Null(Assert.Single(harness.Sent).Request.EmailTags);
        Assert.DoesNotContain("EmailTags", harness.SentJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessageAsync_OptionalFields_GoToTheirSendEmailNamesakes()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o =>
        {
            o.EmailAddressIdentityArn = "arn:aws:ses:us-east-1:123456789012:identity/example.com";
            o.FeedbackForwardingEmailAddress = "Bounces <Bounces@Bücher.de>";
            o.FeedbackForwardingEmailAddressIdentityArn = "arn:aws:ses:us-east-1:123456789012:identity/xn--bcher-kva.de";
            o.ConfigurationSetName = "transactional-emails";
        }));

        await harness.Create().SendMessageAsync(Data(TemplateType.SignIn));

        Assert.Equal(
            """{"FromEmailAddress":"Example App <noreply@example.com>","FromEmailAddressIdentityArn":"arn:aws:ses:us-east-1:123456789012:identity/example.com","Destination":{"ToAddresses":["user@example.com"]},"FeedbackForwardingEmailAddress":"Bounces@xn--bcher-kva.de","FeedbackForwardingEmailAddressIdentityArn":"arn:aws:ses:us-east-1:123456789012:identity/xn--bcher-kva.de","Content":{"Simple":{"Subject":{"Data":"SignIn code 123456","Charset":"UTF-8"},"Body":{"Html":{"Data":"<p>SignIn body: <b>123456</b></p>","Charset":"UTF-8"},"Text":{"Data":"SignIn body: 123456","Charset":"UTF-8"}}}},"EmailTags":[{"Name":"usageType","Value":"SignIn"}],"ConfigurationSetName":"transactional-emails"}""",
            harness.SentJson);
    }

    [Fact]
    public async Task SendMessageAsync_EmptyOptionalFields_AreLeftOut()
    {
        var harness = new ConnectorHarness();
        var input = TestConfigs.AllTemplates(root =>
        {
            root["emailAddressIdentityArn"] = "";
            root["feedbackForwardingEmailAddress"] = "";
            root["feedbackForwardingEmailAddressIdentityArn"] = "";
            root["configurationSetName"] = "";
            root["endpoint"] = "";
            root["sessionToken"] = "";
        });

        await harness.Create().SendMessageAsync(Data(TemplateType.SignIn), input);

        Assert.Equal(SimpleRequest("SignIn", "SignIn"), harness.SentJson);
        Assert.Equal(ConfiguredConnection, harness.Sent[0].Connection);
    }

    [Fact]
    public async Task SendMessageAsync_ConnectionExtensions_ArePassedToTheClient()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o =>
        {
            o.SessionToken = TestConfigs.SessionToken;
            o.Region = "eu-central-1";
            o.Endpoint = "http://localhost:4566";
        }));

        await harness.Create().SendMessageAsync(Data(TemplateType.SignIn));

        Assert.Equal(
            new SesConnectionSettings("eu-central-1", "http://localhost:4566", false, false, TestConfigs.AccessKeyId, TestConfigs.SecretKey, TestConfigs.SessionToken),
            Assert.Single(harness.Sent).Connection);
    }

    [Fact]
    public async Task SendMessageAsync_InternationalSenderAndRecipient_AreEncodedForSes()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o => o.EmailAddress = "Zoë Example <noreply@bücher.de>"));

        await harness.Create().SendMessageAsync(new SendMessageData { To = "user@例え.テスト", Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = "1" } });

        var request = Assert.Single(harness.Sent).Request;
        Assert.Equal("=?UTF-8?B?Wm/DqyBFeGFtcGxl?= <noreply@xn--bcher-kva.de>", request.FromEmailAddress);
        Assert.Equal(["user@xn--r8jz45g.xn--zckzah"], request.Destination.ToAddresses);
    }

    public static TheoryData<string, string> BadRecipients => new()
    {
        { "a@example.com, b@example.com", "The recipient address must be exactly one address, not a list." },
        { "a@example.com;b@example.com", "The recipient address must be exactly one address, not a list." },
        { "Name <user@example.com>", "The recipient address must be a bare address such as user@example.com, without a display name or angle brackets." },
        { "user@example.com\r\nBcc: victim@example.com", "The recipient address contains a line break or another control character." },
        { "user@example.com\n", "The recipient address contains a line break or another control character." },
        { "", "The recipient address is empty." },
        { "   ", "The recipient address is empty." },
        { "josé@example.com", "The recipient address has a non-ASCII local part, which SES cannot send to (only the domain may be international)." },
        { "user", "The recipient address is not an email address (expected local-part@domain)." },
        { new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 58) + ".com", "The recipient address is longer than 254 characters." },
    };

    [Theory]
    [MemberData(nameof(BadRecipients))]
    public async Task SendMessageAsync_BadRecipient_IsInvalidRequestParametersAndNothingIsSent(string to, string expectedMessage)
    {
        var harness = new ConnectorHarness();

        var error = await Assert.ThrowsAsync<ConnectorError>(() => harness.Create().SendMessageAsync(new SendMessageData { To = to, Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = "1" } }));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Equal("invalid_request_parameters", error.CodeString);
        Assert.Equal(expectedMessage, error.Message);
        harness.VerifyNothingSent();
    }

    [Fact]
    public async Task SendMessageAsync_UndefinedUsageType_IsInvalidRequestParametersAndNothingIsSent()
    {
        var harness = new ConnectorHarness();

        var error = await Assert.ThrowsAsync<ConnectorError>(() => harness.Create().SendMessageAsync(Data((TemplateType)42)));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Equal("The usage type 42 is not one of SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa.", error.Message);
        harness.VerifyNothingSent();
    }

    [Fact]
    public async Task SendMessageAsync_InvalidInputConfig_IsInvalidConfigWithoutSecretsAndNothingIsSent()
    {
        var harness = new ConnectorHarness();
        var input = TestConfigs.AllTemplates(root =>
        {
            root["sessionToken"] = TestConfigs.SessionToken + " x";
            root["region"] = "nowhere";
        });

        var error = await Assert.ThrowsAsync<ConnectorError>(() => harness.Create().SendMessageAsync(Data(TemplateType.SignIn), input));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal("'sessionToken' must not contain spaces or line breaks. 'region' must be an AWS region name such as us-east-1 or eu-west-1.", error.Message);
        Assert.DoesNotContain(TestConfigs.SecretKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestConfigs.SessionToken, error.ToString(), StringComparison.Ordinal);
        harness.VerifyNothingSent();
    }

    [Fact]
    public async Task SendMessageAsync_InvalidStoredOptions_IsInvalidConfigEveryTimeAndNothingIsSent()
    {
        var harness = new ConnectorHarness(TestConfigs.AllTemplatesOptions(o => o.Templates!.RemoveAt(4)));
        var connector = harness.Create();

        var first = await Assert.ThrowsAsync<ConnectorError>(() => connector.SendMessageAsync(Data(TemplateType.BindMfa)));
        var second = await Assert.ThrowsAsync<ConnectorError>(() => connector.SendMessageAsync(Data(TemplateType.SignIn)));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, first.Code);
        Assert.Equal("Template with UsageType (Generic) should be provided!", first.Message);
        Assert.Equal("Template with UsageType (Generic) should be provided!", second.Message);
        harness.VerifyNothingSent();
    }

    [Fact]
    public async Task SendMessageAsync_OptionsReloaded_UsesTheNewOptions()
    {
        var harness = new ConnectorHarness();
        var connector = harness.Create();
        await connector.SendMessageAsync(Data(TemplateType.SignIn));

        harness.Options = TestConfigs.AllTemplatesOptions(o => o.EmailAddress = "reloaded@example.com");
        await connector.SendMessageAsync(Data(TemplateType.SignIn));

        Assert.Equal(["Example App <noreply@example.com>", "reloaded@example.com"], harness.Sent.Select(s => s.Request.FromEmailAddress));
    }

    [Fact]
    public async Task SendMessageAsync_CancelledToken_ThrowsAndNothingIsSent()
    {
        var harness = new ConnectorHarness();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Create().SendMessageAsync(Data(TemplateType.SignIn), null, cancellation.Token));

        harness.VerifyNothingSent();
    }

    [Fact]
    public async Task SendMessageAsync_ClientFails_PropagatesTheConnectorError()
    {
        var harness = new ConnectorHarness();
        var failure = new ConnectorError(ConnectorErrorCode.RateLimitExceeded, "Maximum sending rate exceeded.") { ServiceErrorType = "TooManyRequestsException", RequestId = "req-1", StatusCode = 429, Attempts = 3 };
        harness.Client
            .Setup(c => c.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure);

        var error = await Assert.ThrowsAsync<ConnectorError>(() => harness.Create().SendMessageAsync(Data(TemplateType.SignIn)));

        Assert.Same(failure, error);
    }

    [Fact]
    public async Task SendMessageAsync_NullData_ThrowsArgumentNullException()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => new ConnectorHarness().Create().SendMessageAsync(null!));
    }

    [Fact]
    public void ValidateConfig_ValidLogtoConfig_DoesNotThrow()
    {
        new ConnectorHarness().Create().ValidateConfig(TestConfigs.RequiredTemplates(root => root["unknown"] = "ignored"));
    }

    [Fact]
    public void ValidateConfig_InvalidConfig_ThrowsInvalidConfig()
    {
        var connector = new ConnectorHarness().Create();

        var error = Assert.Throws<ConnectorError>(() => connector.ValidateConfig(TestConfigs.RequiredTemplates(root => root.Remove("emailAddress"))));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal("'emailAddress' is required (e.g. noreply@example.com or Name <noreply@example.com>).", error.Message);
    }

    [Fact]
    public async Task GetUsageAsync_AccountWithQuota_ReturnsSentLast24Hours()
    {
        var harness = new ConnectorHarness();
        harness.Client
            .Setup(c => c.GetAccountAsync(ConfiguredConnection, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetAccountResponse { SendQuota = new SendQuota { Max24HourSend = 50000, MaxSendRate = 14, SentLast24Hours = 42 } });

        var usage = await harness.Create().GetUsageAsync();

        Assert.Equal(42, usage);
    }

    [Fact]
    public async Task GetUsageAsync_AccountWithoutQuota_IsInvalidResponse()
    {
        var harness = new ConnectorHarness();
        harness.Client
            .Setup(c => c.GetAccountAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetAccountResponse { SendingEnabled = true });

        var error = await Assert.ThrowsAsync<ConnectorError>(() => harness.Create().GetUsageAsync());

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error.Code);
        Assert.Equal("SES GetAccount answered without SendQuota.SentLast24Hours.", error.Message);
    }

    [Fact]
    public void Properties_Connector_IsTheAwsSesEmailConnector()
    {
        var connector = new ConnectorHarness().Create();

        Assert.Equal("aws-ses-mail", connector.InstanceName);
        Assert.Equal(ConnectorType.Email, connector.Type);
        Assert.Equal("aws-ses-mail", connector.Metadata.Id);
        Assert.Equal("aws-ses", connector.Metadata.Target);
    }

    private static SendMessageData Data(TemplateType type, SendMessagePayload? payload = null) =>
        new() { To = To, Type = type, Payload = payload ?? new SendMessagePayload { Code = "123456" } };

    private static SendMessagePayload PayloadFromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SendMessagePayload.FromJson(document.RootElement);
    }

    private static Mock<IConnectorConfigProvider> ConfigProvider(JsonElement? config)
    {
        var provider = new Mock<IConnectorConfigProvider>(MockBehavior.Strict);
        provider.Setup(p => p.GetConfigAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(config);
        return provider;
    }

    private static Mock<ILocalizedEmailTemplateProvider> LocalizedTemplates(TemplateType type, string? locale, EmailTemplateDetails? details)
    {
        var provider = new Mock<ILocalizedEmailTemplateProvider>();
        provider.Setup(p => p.GetTemplateAsync(type, locale, It.IsAny<CancellationToken>())).ReturnsAsync(details);
        return provider;
    }

    // The request the shared test configs give for a template and a usage tag, with code 123456.
    private static string SimpleRequest(string templateName, string tag, string from = TestConfigs.Sender) =>
        "{\"FromEmailAddress\":\"" + from + "\",\"Destination\":{\"ToAddresses\":[\"user@example.com\"]},"
        + "\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"" + templateName + " code 123456\",\"Charset\":\"UTF-8\"},"
        + "\"Body\":{\"Html\":{\"Data\":\"<p>" + templateName + " body: <b>123456</b></p>\",\"Charset\":\"UTF-8\"},"
        + "\"Text\":{\"Data\":\"" + templateName + " body: 123456\",\"Charset\":\"UTF-8\"}}}},"
        + "\"EmailTags\":[{\"Name\":\"usageType\",\"Value\":\"" + tag + "\"}]}";
}
