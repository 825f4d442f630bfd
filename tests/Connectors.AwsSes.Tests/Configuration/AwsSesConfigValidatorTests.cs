using System.Text.Json.Nodes;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Tests.Configuration;

public class AwsSesConfigValidatorTests
{
    private const string ArnMessage = " must be an SES identity ARN such as arn:aws:ses:us-east-1:123456789012:identity/example.com.";
    private const string EndpointUrlMessage = "'endpoint' must be an absolute http or https URL such as https://email.us-east-1.amazonaws.com.";
    private const string EndpointPartsMessage = "'endpoint' must not hold user information, a query or a fragment.";
    private const string KeysTogetherMessage = "'accessKeyId' and 'accessKeySecret' must be given together, or both left out to use the AWS default credential chain (environment, profile, IAM role).";
    private const string UsageTypesList = "SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa";

    [Theory]
    [InlineData("region", null, "'region' is required (e.g. us-east-1).")]
    [InlineData("region", "\"\"", "'region' is required (e.g. us-east-1).")]
    [InlineData("region", "\"   \"", "'region' is required (e.g. us-east-1).")]
    [InlineData("region", "null", "'region' is required (e.g. us-east-1).")]
    [InlineData("region", "\"US-EAST-1\"", "'region' must be an AWS region name such as us-east-1 or eu-west-1.")]
    [InlineData("region", "\"us-east\"", "'region' must be an AWS region name such as us-east-1 or eu-west-1.")]
    [InlineData("region", "\"useast1\"", "'region' must be an AWS region name such as us-east-1 or eu-west-1.")]
    [InlineData("region", "\"us-east-1 \"", "'region' must be an AWS region name such as us-east-1 or eu-west-1.")]
    [InlineData("region", "\"us-east-100\"", "'region' must be an AWS region name such as us-east-1 or eu-west-1.")]
    [InlineData("region", "\"region\"", "'region' must be an AWS region name such as us-east-1 or eu-west-1.")]
    [InlineData("region", "\"email.us-east-1.amazonaws.com\"", "'region' must be an AWS region name such as us-east-1 or eu-west-1.")]
    [InlineData("emailAddress", null, "'emailAddress' is required (e.g. noreply@example.com or Name <noreply@example.com>).")]
    [InlineData("emailAddress", "\"\"", "'emailAddress' is required (e.g. noreply@example.com or Name <noreply@example.com>).")]
    [InlineData("emailAddress", "\"   \"", "'emailAddress' is empty.")]
    [InlineData("emailAddress", "\"noreply\"", "'emailAddress' is not an email address (expected local-part@domain).")]
    [InlineData("emailAddress", "\"fromEmail\"", "'emailAddress' is not an email address (expected local-part@domain).")]
    [InlineData("emailAddress", "\"Name <noreply@example.com\"", "'emailAddress' has the character ' ' in its local part.")]
    [InlineData("emailAddress", "\"a@example.com, b@example.com\"", "'emailAddress' must be exactly one address, not a list.")]
    [InlineData("emailAddress", "\"Name\\r\\n<a@example.com>\"", "'emailAddress' contains a line break or another control character.")]
    [InlineData("emailAddress", "\"josé@example.com\"", "'emailAddress' has a non-ASCII local part, which SES cannot send to (only the domain may be international).")]
    [InlineData("emailAddress", "\"Na<me <a@example.com>\"", "'emailAddress' has a display name with '<', '>' or '\"'; quote it: \"Name\" <user@example.com>.")]
    [InlineData("emailAddress", "\"\\\"Na\\\"me\\\" <a@example.com>\"", "'emailAddress' has an unescaped '\"' inside its quoted display name.")]
    [InlineData("emailAddress", "\"noreply@localhost\"", "'emailAddress' has a domain without a dot (e.g. example.com is needed).")]
    [InlineData("accessKeyId", null, KeysTogetherMessage)]
    [InlineData("accessKeyId", "\"\"", KeysTogetherMessage)]
    [InlineData("accessKeySecret", null, KeysTogetherMessage)]
    [InlineData("accessKeySecret", "null", KeysTogetherMessage)]
    [InlineData("accessKeyId", "\"AKIA EXAMPLE\"", "'accessKeyId' must not contain spaces or line breaks.")]
    [InlineData("accessKeySecret", "\"secret\\nvalue\"", "'accessKeySecret' must not contain spaces or line breaks.")]
    [InlineData("sessionToken", "\"token value\"", "'sessionToken' must not contain spaces or line breaks.")]
    [InlineData("emailAddressIdentityArn", "\"identity/example.com\"", "'emailAddressIdentityArn'" + ArnMessage)]
    [InlineData("emailAddressIdentityArn", "\"arn:aws:ses:us-east-1:12345:identity/example.com\"", "'emailAddressIdentityArn'" + ArnMessage)]
    [InlineData("emailAddressIdentityArn", "\"arn:aws:sns:us-east-1:123456789012:identity/example.com\"", "'emailAddressIdentityArn'" + ArnMessage)]
    [InlineData("emailAddressIdentityArn", "\"arn:aws:ses:us-east-1:123456789012:identity/\"", "'emailAddressIdentityArn'" + ArnMessage)]
    [InlineData("emailAddressIdentityArn", "\"arn:aws:ses:us-east-1:123456789012:identity/a b\"", "'emailAddressIdentityArn'" + ArnMessage)]
    [InlineData("feedbackForwardingEmailAddressIdentityArn", "\"arn:aws:ses:us-east-1:123456789012:configuration-set/x\"", "'feedbackForwardingEmailAddressIdentityArn'" + ArnMessage)]
    [InlineData("feedbackForwardingEmailAddress", "\"bounces\"", "'feedbackForwardingEmailAddress' is not an email address (expected local-part@domain).")]
    [InlineData("configurationSetName", "\"my set\"", "'configurationSetName' must be 1 to 64 letters, digits, '_' or '-'.")]
    [InlineData("configurationSetName", "\"set.name\"", "'configurationSetName' must be 1 to 64 letters, digits, '_' or '-'.")]
    [InlineData("configurationSetName", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "'configurationSetName' must be 1 to 64 letters, digits, '_' or '-'.")]
    [InlineData("endpoint", "\"file:///etc/passwd\"", EndpointUrlMessage)]
    [InlineData("endpoint", "\"file:relative\"", EndpointUrlMessage)]
    [InlineData("endpoint", "\"ftp://email.example.com\"", EndpointUrlMessage)]
    [InlineData("endpoint", "\"/v2/email\"", EndpointUrlMessage)]
    [InlineData("endpoint", "\"v2/email\"", EndpointUrlMessage)]
    [InlineData("endpoint", "\"email.us-east-1.amazonaws.com\"", EndpointUrlMessage)]
    [InlineData("endpoint", "\"localhost:4566\"", EndpointUrlMessage)]
    [InlineData("endpoint", "\"https://\"", EndpointUrlMessage)]
    [InlineData("endpoint", "\"https://user:pass@email.example.com\"", EndpointPartsMessage)]
    [InlineData("endpoint", "\"https://email.example.com/?x=1\"", EndpointPartsMessage)]
    [InlineData("endpoint", "\"https://email.example.com/#part\"", EndpointPartsMessage)]
    [InlineData("templates", null, "'templates' is required: an array of { usageType, subject, content }.")]
    [InlineData("templates", "null", "'templates' is required: an array of { usageType, subject, content }.")]
    [InlineData("templates", "[]", "Template with UsageType (Register, SignIn, ForgotPassword, Generic) should be provided!")]
    public void Validate_OneBadField_NamesItInInvalidConfig(string key, string? valueJson, string expectedMessage)
    {
        var config = TestConfigs.AllTemplates(root => Set(root, key, valueJson));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal(expectedMessage, error.Message);
    }

    [Theory]
    [InlineData("region", "\"us-east-1\"")]
    [InlineData("region", "\"eu-west-1\"")]
    [InlineData("region", "\"ap-southeast-2\"")]
    [InlineData("region", "\"us-gov-west-1\"")]
    [InlineData("region", "\"cn-north-1\"")]
    [InlineData("region", "\"il-central-1\"")]
    [InlineData("region", "\"us-isob-east-1\"")]
    [InlineData("region", "\"eusc-de-east-1\"")]
    [InlineData("emailAddress", "\"noreply@example.com\"")]
    [InlineData("emailAddress", "\"<noreply@example.com>\"")]
    [InlineData("emailAddress", "\"Logto<noreply@logto.io>\"")]
    [InlineData("emailAddress", "\"\\\"Example, Inc.\\\" <noreply@example.com>\"")]
    [InlineData("emailAddress", "\"Zoë Example <noreply@bücher.de>\"")]
    [InlineData("accessKeyId", null)]
    [InlineData("emailAddressIdentityArn", "\"arn:aws:ses:us-east-1:123456789012:identity/example.com\"")]
    [InlineData("emailAddressIdentityArn", "\"arn:aws-us-gov:ses:us-gov-west-1:123456789012:identity/noreply@example.com\"")]
    [InlineData("emailAddressIdentityArn", "\"arn:aws-cn:ses:cn-north-1:123456789012:identity/example.cn\"")]
    [InlineData("emailAddressIdentityArn", "null")]
    [InlineData("emailAddressIdentityArn", "\"\"")]
    [InlineData("feedbackForwardingEmailAddressIdentityArn", "\"\"")]
    [InlineData("feedbackForwardingEmailAddress", "\"\"")]
    [InlineData("feedbackForwardingEmailAddress", "\"Bounces <bounces@example.com>\"")]
    [InlineData("configurationSetName", "\"my-configuration_set1\"")]
    [InlineData("configurationSetName", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"")]
    [InlineData("configurationSetName", "\"\"")]
    [InlineData("endpoint", "\"http://localhost:4566\"")]
    [InlineData("endpoint", "\"https://email.us-east-1.amazonaws.com\"")]
    [InlineData("endpoint", "\"https://proxy.example.com/ses\"")]
    [InlineData("endpoint", "\"\"")]
    [InlineData("useFipsEndpoint", "true")]
    [InlineData("useDualStackEndpoint", "true")]
    [InlineData("sessionToken", "null")]
    public void Validate_AcceptableField_Passes(string key, string? valueJson)
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            Set(root, key, valueJson);
            if (key == "accessKeyId")
            {
                root.Remove("accessKeySecret");
            }
        });

        var options = AwsSesConfigReader.Read(config);

        Assert.NotNull(options);
    }

    [Fact]
    public void Validate_SessionTokenWithoutKeys_IsInvalidConfig()
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            root.Remove("accessKeyId");
            root.Remove("accessKeySecret");
            root["sessionToken"] = TestConfigs.SessionToken;
        });

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal("'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.", error.Message);
    }

    [Fact]
    public void Validate_SessionTokenWithOnlyTheKeyId_NamesBothProblems()
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            root.Remove("accessKeySecret");
            root["sessionToken"] = TestConfigs.SessionToken;
        });

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(KeysTogetherMessage + " 'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.", error.Message);
    }

    [Fact]
    public void Validate_SessionTokenWithKeys_Passes()
    {
        var options = AwsSesConfigReader.Read(TestConfigs.AllTemplates(root => root["sessionToken"] = TestConfigs.SessionToken));

        Assert.Equal(TestConfigs.SessionToken, options.SessionToken);
    }

    [Fact]
    public void Validate_NoKeysAtAll_UsesDefaultChainAndPasses()
    {
        var options = AwsSesConfigReader.Read(TestConfigs.AllTemplates(root =>
        {
            root.Remove("accessKeyId");
            root.Remove("accessKeySecret");
        }));

        Assert.Null(options.AccessKeyId);
        Assert.Null(options.AccessKeySecret);
    }

    [Theory]
    [InlineData("useFipsEndpoint")]
    [InlineData("useDualStackEndpoint")]
    public void Validate_EndpointWithFipsOrDualStack_IsInvalidConfig(string switchName)
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            root["endpoint"] = "https://email.example.com";
            root[switchName] = true;
        });

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal("'endpoint' cannot be combined with 'useFipsEndpoint' or 'useDualStackEndpoint': a custom endpoint is used as it is.", error.Message);
    }

    [Fact]
    public void Validate_BadEndpointWithFips_NamesBothProblems()
    {
        var config = TestConfigs.AllTemplates(root =>
        {
            root["endpoint"] = "ftp://email.example.com";
            root["useFipsEndpoint"] = true;
        });

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(EndpointUrlMessage + " 'endpoint' cannot be combined with 'useFipsEndpoint' or 'useDualStackEndpoint': a custom endpoint is used as it is.", error.Message);
    }

    [Fact]
    public void Validate_MissingForgotPasswordAndGeneric_UsesLogtoWording()
    {
        var config = TestConfigs.RequiredTemplates(root => RemoveTemplates(root, "ForgotPassword", "Generic"));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal("invalid_config", error.CodeString);
        Assert.Equal("Template with UsageType (ForgotPassword, Generic) should be provided!", error.Message);
    }

    [Theory]
    [InlineData("Register", "Template with UsageType (Register) should be provided!")]
    [InlineData("SignIn", "Template with UsageType (SignIn) should be provided!")]
    [InlineData("ForgotPassword", "Template with UsageType (ForgotPassword) should be provided!")]
    [InlineData("Generic", "Template with UsageType (Generic) should be provided!")]
    public void Validate_OneRequiredTemplateMissing_NamesIt(string usageType, string expectedMessage)
    {
        var config = TestConfigs.AllTemplates(root => RemoveTemplates(root, usageType));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(expectedMessage, error.Message);
    }

    [Fact]
    public void Validate_OnlyTheRequiredFour_Passes()
    {
        var options = AwsSesConfigReader.Read(TestConfigs.RequiredTemplates());

        Assert.Equal(["Register", "SignIn", "ForgotPassword", "Generic"], options.Templates!.Select(t => t.UsageType));
    }

    [Fact]
    public void Validate_UnknownUsageType_NamesTheEntryAndTheChoices()
    {
        var config = TestConfigs.AllTemplates(root => AddTemplate(root, "Welcome"));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal("'templates[9].usageType' is not a usage type; expected one of " + UsageTypesList + ".", error.Message);
    }

    [Fact]
    public void Validate_UsageTypeInWrongCase_IsUnknownAndTheRequiredOneMissing()
    {
        var config = TestConfigs.RequiredTemplates(root => root["templates"]![1]!["usageType"] = "signIn");

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(
            "'templates[1].usageType' is not a usage type; expected one of " + UsageTypesList + ". Template with UsageType (SignIn) should be provided!",
            error.Message);
    }

    [Fact]
    public void Validate_DuplicateUsageType_NamesTheRepeat()
    {
        var config = TestConfigs.AllTemplates(root => AddTemplate(root, "SignIn"));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal("'templates[9].usageType' repeats SignIn; give each usage type one template.", error.Message);
    }

    [Fact]
    public void Validate_TemplateWithoutUsageType_IsRequired()
    {
        var config = TestConfigs.AllTemplates(root => root["templates"]!.AsArray().Add(new JsonObject { ["subject"] = "s", ["content"] = "c" }));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal("'templates[9].usageType' is required.", error.Message);
    }

    [Theory]
    [InlineData("subject", null, "'templates[0].subject' is required.")]
    [InlineData("subject", "\"\"", "'templates[0].subject' is required.")]
    [InlineData("subject", "\" \\t \"", "'templates[0].subject' is required.")]
    [InlineData("content", null, "'templates[0].content' is required.")]
    [InlineData("content", "\"\"", "'templates[0].content' is required.")]
    [InlineData("content", "null", "'templates[0].content' is required.")]
    public void Validate_TemplateWithoutSubjectOrContent_IsRequired(string field, string? valueJson, string expectedMessage)
    {
        var config = TestConfigs.AllTemplates(root => Set(root["templates"]![0]!.AsObject(), field, valueJson));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(expectedMessage, error.Message);
    }

    [Fact]
    public void Validate_SubjectLongerThan998_IsTooLong()
    {
        var config = TestConfigs.AllTemplates(root => root["templates"]![0]!["subject"] = new string('s', 999));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal("'templates[0].subject' is longer than 998 characters.", error.Message);
    }

    [Fact]
    public void Validate_SubjectOf998_Passes()
    {
        var options = AwsSesConfigReader.Read(TestConfigs.AllTemplates(root => root["templates"]![0]!["subject"] = new string('s', 998)));

        Assert.Equal(998, options.Templates![0].Subject!.Length);
    }

    [Fact]
    public void Validate_ContentLongerThanLimit_IsTooLong()
    {
        var options = TestConfigs.AllTemplatesOptions(o => o.Templates![0].Content = new string('c', AwsSesConfigValidator.MaxContentLength + 1));

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigValidator.ThrowIfInvalid(options));

        Assert.Equal("'templates[0].content' is longer than 5000000 characters.", error.Message);
    }

    [Fact]
    public void Validate_ManyProblems_NamesEveryOneInOneInvalidConfigError()
    {
        var config = TestConfigs.Parse("""
            {
              "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
              "region": "",
              "emailAddress": "not-an-address",
              "configurationSetName": "bad name",
              "endpoint": "ftp://x.example.com",
              "templates": [
                { "usageType": "SignIn", "subject": "", "content": "<p>{{code}}</p>" },
                { "usageType": "Nope", "subject": "s", "content": "c" }
              ]
            }
            """);

        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigReader.Read(config));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal(
            KeysTogetherMessage
            + " 'region' is required (e.g. us-east-1)."
            + " 'emailAddress' is not an email address (expected local-part@domain)."
            + " 'configurationSetName' must be 1 to 64 letters, digits, '_' or '-'."
            + " " + EndpointUrlMessage
            + " 'templates[0].subject' is required."
            + " 'templates[1].usageType' is not a usage type; expected one of " + UsageTypesList + "."
            + " Template with UsageType (Register, ForgotPassword, Generic) should be provided!",
            error.Message);
    }

    [Fact]
    public void ThrowIfInvalid_DefaultOptions_NamesRegionEmailAndTemplates()
    {
        var error = Assert.Throws<ConnectorError>(() => AwsSesConfigValidator.ThrowIfInvalid(new AwsSesConnectorOptions()));

        Assert.Equal(
            "'region' is required (e.g. us-east-1). 'emailAddress' is required (e.g. noreply@example.com or Name <noreply@example.com>). 'templates' is required: an array of { usageType, subject, content }.",
            error.Message);
    }

    [Fact]
    public void ThrowIfInvalid_ValidOptions_DoesNotThrow()
    {
        AwsSesConfigValidator.ThrowIfInvalid(TestConfigs.AllTemplatesOptions());
    }

    [Fact]
    public void ThrowIfInvalid_NullTemplateEntry_IsSkipped()
    {
        var options = TestConfigs.AllTemplatesOptions(o => o.Templates!.Insert(0, null!));

        AwsSesConfigValidator.ThrowIfInvalid(options);
    }

    [Fact]
    public void ThrowIfInvalid_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => AwsSesConfigValidator.ThrowIfInvalid(null!));
    }

    [Theory]
    [InlineData("https://email.us-east-1.amazonaws.com", null)]
    [InlineData("http://127.0.0.1:4566/", null)]
    [InlineData("ftp://example.com", "'AWS_ENDPOINT_URL' must be an absolute http or https URL such as https://email.us-east-1.amazonaws.com.")]
    [InlineData("https://example.com?x", "'AWS_ENDPOINT_URL' must not hold user information, a query or a fragment.")]
    public void CheckEndpointUrl_Value_ReturnsProblemNamingTheSource(string value, string? expected)
    {
        Assert.Equal(expected, AwsSesConfigValidator.CheckEndpointUrl("AWS_ENDPOINT_URL", value));
    }

    private static void Set(JsonObject target, string key, string? valueJson)
    {
        if (valueJson is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = JsonNode.Parse(valueJson);
        }
    }

    private static void RemoveTemplates(JsonObject root, params string[] usageTypes)
    {
        var templates = root["templates"]!.AsArray();
        foreach (var template in templates.Where(t => usageTypes.Contains((string?)t!["usageType"])).ToList())
        {
            templates.Remove(template);
        }
    }

    private static void AddTemplate(JsonObject root, string usageType) =>
        root["templates"]!.AsArray().Add(new JsonObject { ["usageType"] = usageType, ["subject"] = "s {{code}}", ["content"] = "<p>{{code}}</p>" });
}
