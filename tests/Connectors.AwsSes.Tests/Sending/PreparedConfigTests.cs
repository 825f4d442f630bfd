using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Sending;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Tests.Sending;

public class PreparedConfigTests
{
    [Theory]
    [InlineData(TemplateType.SignIn, "SignIn")]
    [InlineData(TemplateType.Register, "Register")]
    [InlineData(TemplateType.ForgotPassword, "ForgotPassword")]
    [InlineData(TemplateType.Generic, "Generic")]
    [InlineData(TemplateType.OrganizationInvitation, "Generic")]
    [InlineData(TemplateType.UserPermissionValidation, "Generic")]
    [InlineData(TemplateType.BindNewIdentifier, "Generic")]
    [InlineData(TemplateType.MfaVerification, "Generic")]
    [InlineData(TemplateType.BindMfa, "Generic")]
    public void FindTemplate_RequiredTemplatesOnly_ResolvesOwnOrGeneric(TemplateType type, string expectedTemplate)
    {
        var prepared = PreparedConfig.Create(AwsSesConfigReader.Read(TestConfigs.RequiredTemplates()));

        var template = prepared.FindTemplate(type);

        Assert.NotNull(template);
        Assert.Equal(TestConfigs.SubjectOf(Enum.Parse<TemplateType>(expectedTemplate)), template.Subject.Text);
        Assert.Equal(TestConfigs.ContentOf(Enum.Parse<TemplateType>(expectedTemplate)), template.Body.Text);
        Assert.Equal(EmailContentType.Html, template.ContentType);
    }

    [Fact]
    public void FindTemplate_UndefinedType_ReturnsNull()
    {
        var prepared = PreparedConfig.Create(TestConfigs.AllTemplatesOptions());

        Assert.Null(prepared.FindTemplate((TemplateType)42));
        Assert.Null(prepared.FindTemplate((TemplateType)(-1)));
    }

    [Fact]
    public void Create_WithoutGeneric_IsInvalidConfigSoTemplateNotFoundCannotArise()
    {
        var options = TestConfigs.AllTemplatesOptions(o => o.Templates = o.Templates!.Where(t => t.UsageType != "Generic").ToList());

        var error = Assert.Throws<ConnectorError>(() => PreparedConfig.Create(options));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal("Template with UsageType (Generic) should be provided!", error.Message);
    }

    [Fact]
    public void Create_ValidOptions_ParsesSenderFeedbackAndConnection()
    {
        var options = TestConfigs.AllTemplatesOptions(o =>
        {
            o.FeedbackForwardingEmailAddress = "Bounces <bounces@bücher.de>";
            o.UseFipsEndpoint = true;
        });

        var prepared = PreparedConfig.Create(options);

        Assert.Same(options, prepared.Options);
        Assert.Equal("Example App", prepared.Sender.DisplayName);
        Assert.Equal("noreply@example.com", prepared.Sender.Address);
        Assert.Equal("bounces@xn--bcher-kva.de", prepared.FeedbackForwardingAddress);
        Assert.Equal("SesConnectionSettings { Region = us-east-1, Endpoint = (derived), Fips = True, DualStack = False, Credentials = keys }", prepared.Connection.ToString());
    }

    [Fact]
    public void FindTemplate_ConfigTemplate_DerivesThePlainTextPart()
    {
        var prepared = PreparedConfig.Create(TestConfigs.AllTemplatesOptions());

        var rendered = prepared.FindTemplate(TemplateType.SignIn)!.Render(new SendMessagePayload { Code = "<7>" }, withTextPart: true);

        Assert.Equal(new RenderedEmail("SignIn code <7>", "<p>SignIn body: <b>&lt;7&gt;</b></p>", "SignIn body: <7>"), rendered);
    }
}
