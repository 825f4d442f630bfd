using System.Text.Json;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Connectors.AwsSes.Tests.Configuration;

public class AwsSesConnectorOptionsTests
{
    [Fact]
    public void New_Defaults_MatchTheDocumentedValues()
    {
        var options = new AwsSesConnectorOptions();

        Assert.Null(options.Region);
        Assert.Null(options.Templates);
        Assert.False(options.UseFipsEndpoint);
        Assert.False(options.UseDualStackEndpoint);
        Assert.True(options.SendPlainTextPart);
        Assert.True(options.TagUsageType);
    }

    [Fact]
    public void ToString_WithKeys_MasksTheKeyIdAndLeavesOutTheSecret()
    {
        var options = TestConfigs.AllTemplatesOptions();

        var text = options.ToString();

        Assert.Equal("AwsSesConnectorOptions { Region = us-east-1, EmailAddress = Example App <noreply@example.com>, Credentials = access key AKIA****MPLE, Templates = 9 }", text);
    }

    [Fact]
    public void ToString_WithSessionTokenAndEndpoint_NamesThemWithoutTheToken()
    {
        var options = TestConfigs.AllTemplatesOptions(o =>
        {
            o.SessionToken = TestConfigs.SessionToken;
            o.Endpoint = "http://localhost:4566";
        });

        var text = options.ToString();

        Assert.Equal("AwsSesConnectorOptions { Region = us-east-1, EmailAddress = Example App <noreply@example.com>, Credentials = access key AKIA****MPLE with session token, Templates = 9, Endpoint = http://localhost:4566 }", text);
        Assert.DoesNotContain(TestConfigs.SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestConfigs.SessionToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Defaults_SaysDefaultChain()
    {
        Assert.Equal(
            "AwsSesConnectorOptions { Region = (none), EmailAddress = (none), Credentials = default chain, Templates = 0 }",
            new AwsSesConnectorOptions().ToString());
    }

    [Fact]
    public void ToString_ShortKeyId_IsFullyMasked()
    {
        var options = new AwsSesConnectorOptions { AccessKeyId = "AKIA1234", AccessKeySecret = TestConfigs.SecretKey };

        Assert.Equal("AwsSesConnectorOptions { Region = (none), EmailAddress = (none), Credentials = access key ****, Templates = 0 }", options.ToString());
    }

    [Fact]
    public void ToString_SecretWithoutKeyId_NeverShowsTheSecret()
    {
        var options = new AwsSesConnectorOptions { AccessKeySecret = TestConfigs.SecretKey, SessionToken = TestConfigs.SessionToken };

        var text = options.ToString();

        Assert.Equal("AwsSesConnectorOptions { Region = (none), EmailAddress = (none), Credentials = default chain, Templates = 0 }", text);
    }

    [Fact]
    public void Bind_FromConfiguration_EqualsTheOptionsReadFromJson()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Connectors:AwsSes:accessKeyId"] = TestConfigs.AccessKeyId,
                ["Connectors:AwsSes:accessKeySecret"] = TestConfigs.SecretKey,
                ["Connectors:AwsSes:sessionToken"] = TestConfigs.SessionToken,
                ["Connectors:AwsSes:region"] = "eu-west-1",
                ["Connectors:AwsSes:emailAddress"] = "Example App <noreply@example.com>",
                ["Connectors:AwsSes:emailAddressIdentityArn"] = "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
                ["Connectors:AwsSes:feedbackForwardingEmailAddress"] = "bounces@example.com",
                ["Connectors:AwsSes:feedbackForwardingEmailAddressIdentityArn"] = "arn:aws:ses:eu-west-1:123456789012:identity/bounces@example.com",
                ["Connectors:AwsSes:configurationSetName"] = "transactional",
                ["Connectors:AwsSes:useDualStackEndpoint"] = "true",
                ["Connectors:AwsSes:sendPlainTextPart"] = "false",
                ["Connectors:AwsSes:tagUsageType"] = "false",
                ["Connectors:AwsSes:templates:0:usageType"] = "SignIn",
                ["Connectors:AwsSes:templates:0:subject"] = "Sign in {{code}}",
                ["Connectors:AwsSes:templates:0:content"] = "<p>{{ code }}</p>",
                ["Connectors:AwsSes:templates:1:usageType"] = "Register",
                ["Connectors:AwsSes:templates:1:subject"] = "Register {{code}}",
                ["Connectors:AwsSes:templates:1:content"] = "<p>{{ code }}</p>",
                ["Connectors:AwsSes:templates:2:usageType"] = "ForgotPassword",
                ["Connectors:AwsSes:templates:2:subject"] = "Reset {{code}}",
                ["Connectors:AwsSes:templates:2:content"] = "<p>{{ code }}</p>",
                ["Connectors:AwsSes:templates:3:usageType"] = "Generic",
                ["Connectors:AwsSes:templates:3:subject"] = "Code {{code}}",
                ["Connectors:AwsSes:templates:3:content"] = "<p>{{ code }}</p>",
            })
            .Build();
        var fromJson = AwsSesConfigReader.Read(TestConfigs.Parse("""
            {
              "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
              "accessKeySecret": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
              "sessionToken": "FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789abcdefSECRETTOKEN",
              "region": "eu-west-1",
              "emailAddress": "Example App <noreply@example.com>",
              "emailAddressIdentityArn": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
              "feedbackForwardingEmailAddress": "bounces@example.com",
              "feedbackForwardingEmailAddressIdentityArn": "arn:aws:ses:eu-west-1:123456789012:identity/bounces@example.com",
              "configurationSetName": "transactional",
              "useDualStackEndpoint": true,
              "sendPlainTextPart": false,
              "tagUsageType": false,
              "templates": [
                { "usageType": "SignIn", "subject": "Sign in {{code}}", "content": "<p>{{ code }}</p>" },
                { "usageType": "Register", "subject": "Register {{code}}", "content": "<p>{{ code }}</p>" },
                { "usageType": "ForgotPassword", "subject": "Reset {{code}}", "content": "<p>{{ code }}</p>" },
                { "usageType": "Generic", "subject": "Code {{code}}", "content": "<p>{{ code }}</p>" }
              ]
            }
            """));

        var bound = configuration.GetSection(AwsSesDefaults.ConfigurationSection).Get<AwsSesConnectorOptions>();

        Assert.NotNull(bound);
        AwsSesConfigValidator.ThrowIfInvalid(bound);
        Assert.Equal(JsonSerializer.Serialize(fromJson), JsonSerializer.Serialize(bound));
        Assert.Equal(fromJson.ToString(), bound.ToString());
    }

    [Fact]
    public void Bind_FromConfigurationWithPascalCaseKeys_BindsTheSame()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Region"] = "us-east-1",
                ["EmailAddress"] = "noreply@example.com",
                ["UseFipsEndpoint"] = "True",
                ["Templates:0:UsageType"] = "Generic",
                ["Templates:0:Subject"] = "s",
                ["Templates:0:Content"] = "c",
            })
            .Build();

        var bound = configuration.Get<AwsSesConnectorOptions>()!;

        Assert.Equal("us-east-1", bound.Region);
        Assert.Equal("noreply@example.com", bound.EmailAddress);
        Assert.True(bound.UseFipsEndpoint);
        Assert.True(bound.SendPlainTextPart);
        Assert.Equal("Generic", Assert.Single(bound.Templates!).UsageType);
    }
}
