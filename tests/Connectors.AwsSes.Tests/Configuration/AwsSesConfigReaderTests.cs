using System.Text.Json.Nodes;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Tests.Configuration;

public class AwsSesConfigReaderTests
{
    // A config as Logto stores it for @logto/connector-aws-ses, pasted as is, with keys this
    // library does not know (left by other tools or older Logto versions).
    private const string LogtoConfig = """
        {
          "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
          "accessKeySecret": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "region": "eu-west-1",
          "emailAddress": "Logto <noreply@logto.io>",
          "emailAddressIdentityArn": "arn:aws:ses:eu-west-1:123456789012:identity/logto.io",
          "feedbackForwardingEmailAddress": "bounces@logto.io",
          "feedbackForwardingEmailAddressIdentityArn": "arn:aws:ses:eu-west-1:123456789012:identity/bounces@logto.io",
          "configurationSetName": "logto-transactional",
          "templates": [
            { "usageType": "SignIn", "subject": "Logto sign-in template {{code}}", "content": "<p>Your Logto sign-in verification code is {{code}}. The code will remain active for 10 minutes.</p>", "type": 0 },
            { "usageType": "Register", "subject": "Logto sign-up template {{code}}", "content": "<p>Your Logto sign-up verification code is {{code}}.</p>" },
            { "usageType": "ForgotPassword", "subject": "Logto forgot password template {{code}}", "content": "<p>Your Logto password change verification code is {{code}}.</p>" },
            { "usageType": "Generic", "subject": "Logto generic template {{code}}", "content": "<p>Your Logto generic verification code is {{code}}.</p>" },
            { "usageType": "OrganizationInvitation", "subject": "You are invited", "content": "<p>Join with <a href=\"{{link}}\">this link</a>.</p>" }
          ],
          "senderName": "Logto",
          "customHeaders": { "X-Custom": "1" },
          "legacy": [1, 2, 3],
          "enableTracking": true
        }
        """;

    [Fact]
    public void Read_LogtoConfigWithUnknownKeys_ReadsEveryKnownKey()
    {
        var options = AwsSesConfigReader.Read(TestConfigs.Parse(LogtoConfig));

        Assert.Equal("AKIAIOSFODNN7EXAMPLE", options.AccessKeyId);
        Assert.Equal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", options.AccessKeySecret);
        Assert.Null(options.SessionToken);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("Logto <noreply@logto.io>", options.EmailAddress);
        Assert.Equal("arn:aws:ses:eu-west-1:123456789012:identity/logto.io", options.EmailAddressIdentityArn);
        Assert.Equal("bounces@logto.io", options.FeedbackForwardingEmailAddress);
        Assert.Equal("arn:aws:ses:eu-west-1:123456789012:identity/bounces@logto.io", options.FeedbackForwardingEmailAddressIdentityArn);
        Assert.Equal("logto-transactional", options.ConfigurationSetName);
        Assert.Null(options.Endpoint);
        Assert.False(options.UseFipsEndpoint);
        Assert.False(options.UseDualStackEndpoint);
        Assert.True(options.SendPlainTextPart);
        Assert.True(options.TagUsageType);
        Assert.Equal(
            ["SignIn", "Register", "ForgotPassword", "Generic", "OrganizationInvitation"],
            options.Templates!.Select(t => t.UsageType));
        Assert.Equal("Logto sign-in template {{code}}", options.Templates![0].Subject);
        Assert.Equal("<p>Your Logto sign-in verification code is {{code}}. The code will remain active for 10 minutes.</p>", options.Templates[0].Content);
        Assert.Equal("<p>Join with <a href=\"{{link}}\">this link</a>.</p>", options.Templates[4].Content);
    }

    [Fact]
    public void Read_ExtensionKeys_AreRead()
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            root["sessionToken"] = TestConfigs.SessionToken;
            root["endpoint"] = "http://localhost:4566";
            root["useDualStackEndpoint"] = null;
            root["sendPlainTextPart"] = false;
            root["tagUsageType"] = false;
        });

        var options = AwsSesConfigReader.Read(config);

        Assert.Equal(TestConfigs.SessionToken, options.SessionToken);
        Assert.Equal("http://localhost:4566", options.Endpoint);
        Assert.False(options.UseDualStackEndpoint);
        Assert.False(options.SendPlainTextPart);
        Assert.False(options.TagUsageType);
    }

    [Fact]
    public void Read_NullBooleans_KeepTheirDefaults()
    {
        var options = AwsSesConfigReader.Read(TestConfigs.AllTemplates(root =>
        {
            root["useFipsEndpoint"] = null;
            root["sendPlainTextPart"] = null;
            root["tagUsageType"] = null;
        }));

        Assert.False(options.UseFipsEndpoint);
        Assert.True(options.SendPlainTextPart);
        Assert.True(options.TagUsageType);
    }

    [Fact]
    public void Read_KeysInAnotherCase_AreUnknownAndIgnored()
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            root.Remove("region");
            root["Region"] = "us-east-1";
        });

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal("'region' is required (e.g. us-east-1).", error.Message);
    }

    [Theory]
    [InlineData("region", "5", "'region' must be a string, not a number.")]
    [InlineData("region", "true", "'region' must be a string, not a boolean.")]
    [InlineData("emailAddress", "{}", "'emailAddress' must be a string, not an object.")]
    [InlineData("accessKeySecret", "123", "'accessKeySecret' must be a string, not a number. 'accessKeyId' and 'accessKeySecret' must be given together, or both left out to use the AWS default credential chain (environment, profile, IAM role).")]
    [InlineData("configurationSetName", "[\"a\"]", "'configurationSetName' must be a string, not an array.")]
    [InlineData("endpoint", "false", "'endpoint' must be a string, not a boolean.")]
    [InlineData("useFipsEndpoint", "\"yes\"", "'useFipsEndpoint' must be true or false, not a string.")]
    [InlineData("sendPlainTextPart", "1", "'sendPlainTextPart' must be true or false, not a number.")]
    [InlineData("tagUsageType", "{}", "'tagUsageType' must be true or false, not an object.")]
    [InlineData("templates", "\"x\"", "'templates' must be an array, not a string.")]
    [InlineData("templates", "{}", "'templates' must be an array, not an object.")]
    public void Read_WrongJsonType_NamesTheFieldAndTheType(string key, string valueJson, string expectedMessage)
    {
        var config = TestConfigs.AllTemplates(root => root[key] = JsonNode.Parse(valueJson));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal(expectedMessage, error.Message);
    }

    [Fact]
    public void Read_TemplateFieldOfWrongType_NamesItsPath()
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            root["templates"]![2]!["subject"] = 5;
            root["templates"]![3]!["usageType"] = JsonNode.Parse("[]");
        });

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(
            "'templates[2].subject' must be a string, not a number."
            + " 'templates[3].usageType' must be a string, not an array.",
            error.Message);
    }

    [Fact]
    public void Read_TemplateEntryNotAnObject_NamesItsIndex()
    {
        var config = TestConfigs.AllTemplates(root => root["templates"]!.AsArray().Insert(0, "x"));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal("'templates[0]' must be an object with 'usageType', 'subject' and 'content', not a string.", error.Message);
    }

    [Fact]
    public void Read_MoreThanMaxTemplates_IsInvalidConfig()
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            var templates = root["templates"]!.AsArray();
            while (templates.Count <= AwsSesConfigReader.MaxTemplates)
            {
                templates.Add(new JsonObject { ["usageType"] = "Generic", ["subject"] = "s", ["content"] = "c" });
            }
        });

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        // The count alone: the required templates are there, so "should be provided" would mislead.
        Assert.Equal("'templates' has 101 entries; at most 100 are allowed.", error.Message);
    }

    [Theory]
    [InlineData("[]", "The config must be a JSON object, not an array.")]
    [InlineData("null", "The config must be a JSON object, not null.")]
    [InlineData("\"{}\"", "The config must be a JSON object, not a string.")]
    [InlineData("42", "The config must be a JSON object, not a number.")]
    [InlineData("true", "The config must be a JSON object, not a boolean.")]
    public void Read_ConfigNotAnObject_IsInvalidConfig(string json, string expectedMessage)
    {
        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(TestConfigs.Parse(json)));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal(expectedMessage, error.Message);
    }

    [Fact]
    public void Read_DefaultJsonElement_IsInvalidConfig()
    {
        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(default));

        Assert.Equal("The config must be a JSON object, not nothing.", error.Message);
    }

    public static TheoryData<string, string> InvalidConfigsHoldingSecrets => new()
    {
        { "secret with a space", """{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","accessKeySecret":"wJalrXUtnFEMI/K7MDENG bPxRfiCYEXAMPLEKEY","region":"us-east-1","emailAddress":"a@example.com","templates":[]}""" },
        { "secret with a line break", """{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","accessKeySecret":"wJalrXUtnFEMI/K7MDENG\nbPxRfiCYEXAMPLEKEY","region":"us-east-1","templates":[]}""" },
        { "secret without key id", """{"accessKeySecret":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","region":"us-east-1","emailAddress":"a@example.com"}""" },
        { "token without keys", """{"sessionToken":"FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789abcdefSECRETTOKEN","region":"us-east-1","emailAddress":"a@example.com"}""" },
        { "token with a space", """{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","accessKeySecret":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","sessionToken":"FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789abcdef SECRETTOKEN","region":"x"}""" },
        { "secret pasted as region", """{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","accessKeySecret":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","region":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","emailAddress":"a@example.com"}""" },
        { "secret pasted as sender", """{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","accessKeySecret":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","region":"us-east-1","emailAddress":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}""" },
        { "token pasted as sender", """{"sessionToken":"FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789abcdefSECRETTOKEN","region":"us-east-1","emailAddress":"FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789abcdefSECRETTOKEN <a@b>"}""" },
        { "secret pasted as endpoint", """{"accessKeySecret":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","region":"us-east-1","endpoint":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}""" },
        { "secret pasted as ARN", """{"accessKeySecret":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","emailAddressIdentityArn":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}""" },
        { "secret pasted as usage type", """{"accessKeySecret":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","templates":[{"usageType":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","subject":"s","content":"c"}]}""" },
        { "secret as a number", """{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","accessKeySecret":123456789012345,"region":"us-east-1"}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigsHoldingSecrets))]
    public void Read_InvalidConfigHoldingSecrets_NeverQuotesThem(string scenario, string json)
    {
        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(TestConfigs.Parse(json)));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        foreach (var text in new[] { error.Message, error.ToString() })
        {
            Assert.False(text.Contains("wJalrXUtnFEMI", StringComparison.Ordinal), scenario + ": " + text);
            Assert.False(text.Contains("bPxRfiCYEXAMPLEKEY", StringComparison.Ordinal), scenario + ": " + text);
            Assert.False(text.Contains("123456789012345", StringComparison.Ordinal), scenario + ": " + text);
            Assert.False(text.Contains("EXAMPLESESSIONTOKEN", StringComparison.Ordinal), scenario + ": " + text);
            Assert.False(text.Contains("SECRETTOKEN", StringComparison.Ordinal), scenario + ": " + text);
        }
    }
}
