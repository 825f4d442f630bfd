using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;
using Moq;
using Xunit.Abstractions;

namespace Connectors.AwsSes.Tests.Hardening;

/// <summary>
/// Hostile configs and sends, one table: each row ends in its exact <see cref="ConnectorError"/> with
/// nothing sent, or, where the input is legitimately accepted, in exactly one correct request.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const string To = "user@example.com";
    private const string Code = "123456";
    private const string SignInContent = "<p>{{code}}|{{deep.a.a.a}}|{{big}}|{{k9999}}</p>";
    private const string AllTypes = "SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa";
    private const string EndpointMustBeHttp = "'endpoint' must be an absolute http or https URL such as https://email.us-east-1.amazonaws.com.";
    private const string RegionMustBeAws = "'region' must be an AWS region name such as us-east-1 or eu-west-1.";
    private const string ArnMustBeSes = "'emailAddressIdentityArn' must be an SES identity ARN such as arn:aws:ses:us-east-1:123456789012:identity/example.com.";
    private const string RequiredTemplatesMissing = "Template with UsageType (Register, SignIn, ForgotPassword, Generic) should be provided!";

    private static readonly JsonDocumentOptions DeepJson = new() { MaxDepth = 1024 };

    private static readonly Dictionary<string, HostileRow> Table = BuildTable().ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static TheoryData<string> RowNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in Table.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public async Task Row_EndsInItsExactConnectorErrorWithNothingSent_OrInOneCorrectRequest(string name)
    {
        var row = Table[name];
        var harness = new ConnectorHarness(row.Options?.Invoke() ?? BaseOptions());
        var connector = harness.Create();
        var data = row.Data();
        var inputConfig = row.InputConfig?.Invoke();

        if (row.Accepted is { } check)
        {
            var messageId = await connector.SendMessageAsync(data, inputConfig);

            Assert.Equal(ConnectorHarness.MessageId, messageId);
            var request = Assert.Single(harness.Sent).Request;
            Assert.Equal(TestConfigs.Sender, request.FromEmailAddress);
            Assert.Equal("SignIn", Assert.Single(request.EmailTags!).Value);
            Assert.Null(request.ReplyToAddresses);
            Assert.Single(request.Destination.ToAddresses);
            foreach (var header in new[] { request.FromEmailAddress, request.Destination.ToAddresses[0], request.Content.Simple.Subject.Data })
            {
                Assert.DoesNotContain('\r', header);
                Assert.DoesNotContain('\n', header);
            }

            check(request);
        }
        else
        {
            var error = await Assert.ThrowsAsync<ConnectorError>(() => connector.SendMessageAsync(data, inputConfig));

            output.WriteLine(error.Message.Length > 300 ? error.Message[..300] + "..." : error.Message);
            Assert.Equal(row.Code, error.Code);
            Assert.Equal(row.Message, error.Message);
            Assert.Equal(0, error.Attempts);
            Assert.Null(error.InnerException);
            Assert.DoesNotContain(TestConfigs.SecretKey, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(TestConfigs.SessionToken, error.ToString(), StringComparison.Ordinal);
            harness.VerifyNothingSent();
        }

        harness.Client.Verify(
            c => c.SendEmailAsync(It.IsAny<SesConnectionSettings>(), It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()),
            row.Accepted is null ? Times.Never() : Times.Once());
        foreach (var record in harness.Logger.Collector.GetSnapshot())
        {
            Assert.DoesNotContain(TestConfigs.SecretKey, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(TestConfigs.SessionToken, record.Message, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<HostileRow> BuildTable()
    {
        // The config is not an object.
        yield return RawConfig("config is an array", "[]", "The config must be a JSON object, not an array.");
        yield return RawConfig("config is null", "null", "The config must be a JSON object, not null.");
        yield return RawConfig("config is a string", "\"accessKeyId\"", "The config must be a JSON object, not a string.");
        yield return RawConfig("config is a number", "42", "The config must be a JSON object, not a number.");
        yield return RawConfig("config is empty", "{}", "'region' is required (e.g. us-east-1). 'emailAddress' is required (e.g. noreply@example.com or Name <noreply@example.com>). 'templates' is required: an array of { usageType, subject, content }.");

        // Wrong JSON types.
        yield return Config("accessKeyId is a number", c => c["accessKeyId"] = 123, "'accessKeyId' must be a string, not a number. 'accessKeyId' and 'accessKeySecret' must be given together, or both left out to use the AWS default credential chain (environment, profile, IAM role). 'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.");
        yield return Config("accessKeySecret is an array", c => c["accessKeySecret"] = new JsonArray(TestConfigs.SecretKey), "'accessKeySecret' must be a string, not an array. 'accessKeyId' and 'accessKeySecret' must be given together, or both left out to use the AWS default credential chain (environment, profile, IAM role). 'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.");
        yield return Config("sessionToken is an object", c => c["sessionToken"] = new JsonObject { ["t"] = TestConfigs.SessionToken }, "'sessionToken' must be a string, not an object.");
        yield return Config("region is a boolean", c => c["region"] = true, "'region' must be a string, not a boolean.");
        yield return Config("emailAddress is an object", c => c["emailAddress"] = new JsonObject(), "'emailAddress' must be a string, not an object.");
        yield return Config("endpoint is a number", c => c["endpoint"] = 8080, "'endpoint' must be a string, not a number.");
        yield return Config("useFipsEndpoint is a string", c => c["useFipsEndpoint"] = "yes", "'useFipsEndpoint' must be true or false, not a string.");
        yield return Config("sendPlainTextPart is a number", c => c["sendPlainTextPart"] = 1, "'sendPlainTextPart' must be true or false, not a number.");
        yield return Config("templates is a string", c => c["templates"] = "SignIn", "'templates' must be an array, not a string.");
        yield return Config("templates is an object", c => c["templates"] = new JsonObject { ["usageType"] = "SignIn" }, "'templates' must be an array, not an object.");
        yield return Config("template entries are not objects", c => c["templates"] = JsonNode.Parse("[null, 1, \"x\", []]"), "'templates[0]' must be an object with 'usageType', 'subject' and 'content', not null. 'templates[1]' must be an object with 'usageType', 'subject' and 'content', not a number. 'templates[2]' must be an object with 'usageType', 'subject' and 'content', not a string. 'templates[3]' must be an object with 'usageType', 'subject' and 'content', not an array. Template with UsageType (Register, SignIn, ForgotPassword, Generic) should be provided!");
        yield return Config("template fields have wrong types", c => c["templates"]![0] = JsonNode.Parse("""{"usageType":7,"subject":["s"],"content":{"html":"x"}}"""), "'templates[0].usageType' must be a string, not a number. 'templates[0].subject' must be a string, not an array. 'templates[0].content' must be a string, not an object. Template with UsageType (SignIn) should be provided!");

        // Nulls and empty strings.
        yield return Config("required fields are null", c => { c["region"] = null; c["emailAddress"] = null; c["templates"] = null; }, "'region' is required (e.g. us-east-1). 'emailAddress' is required (e.g. noreply@example.com or Name <noreply@example.com>). 'templates' is required: an array of { usageType, subject, content }.");
        yield return Config("template fields are null", c => c["templates"]![0] = JsonNode.Parse("""{"usageType":null,"subject":null,"content":null}"""), "'templates[0].usageType' is required. 'templates[0].subject' is required. 'templates[0].content' is required. Template with UsageType (SignIn) should be provided!");
        yield return Config("required fields are empty strings", c => { c["region"] = ""; c["emailAddress"] = ""; }, "'region' is required (e.g. us-east-1). 'emailAddress' is required (e.g. noreply@example.com or Name <noreply@example.com>).");
        yield return Config("region is whitespace", c => c["region"] = "   ", "'region' is required (e.g. us-east-1).");
        yield return Config("template fields are empty strings", c => c["templates"]![1] = JsonNode.Parse("""{"usageType":"Register","subject":"","content":" "}"""), "'templates[1].subject' is required. 'templates[1].content' is required.");
        yield return Config("accessKeyId is empty but the secret is not", c => c["accessKeyId"] = "", "'accessKeyId' and 'accessKeySecret' must be given together, or both left out to use the AWS default credential chain (environment, profile, IAM role). 'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.");
        yield return Config("both keys are empty strings and a session token is set", c => { c["accessKeyId"] = ""; c["accessKeySecret"] = ""; }, "'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.");

        // Huge and duplicated.
        yield return Config("10,000 templates", c => c["templates"] = new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode?)Template("SignIn", "s" + i, "<p>{{code}}</p>"))]), "'templates' has 10000 entries; at most 100 are allowed.");
        yield return Config("a 10 MB template content", c => c["templates"]![3]!["content"] = "<p>" + new string('x', 10_000_000) + "</p>", "'templates[3].content' is longer than 5000000 characters.");
        yield return Config("a 999-character subject", c => c["templates"]![2]!["subject"] = new string('s', 999), "'templates[2].subject' is longer than 998 characters.");
        yield return Config("duplicate usage types", c => c["templates"]!.AsArray().Add(Template("SignIn", "again", "<p>again</p>")), "'templates[4].usageType' repeats SignIn; give each usage type one template.");
        yield return Config("an unknown usage type", c => c["templates"]!.AsArray().Add(Template("Login", "s", "c")), "'templates[4].usageType' is not a usage type; expected one of SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa.");
        yield return Config("a usage type in the wrong case", c => c["templates"]![0]!["usageType"] = "signin", "'templates[0].usageType' is not a usage type; expected one of SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa. Template with UsageType (SignIn) should be provided!");

        // Bad regions.
        foreach (var region in new[] { "US-EAST-1", "us_east_1", "moon", "us-east-1 ", "us-east-1\r\n", "../../etc/passwd", "us-east-1.evil.example", new string('a', 10_000) })
        {
            yield return Config($"region '{Printable(region)}'", c => c["region"] = region, RegionMustBeAws);
        }

        // Bad ARNs.
        foreach (var arn in new[] { "not-an-arn", "arn:aws:ses:us-east-1:123:identity/example.com", "arn:aws:s3:::bucket", "arn:aws:ses:us-east-1:123456789012:identity/example.com\r\nX-Injected: 1", "arn:aws:ses:us-east-1:123456789012:identity/" })
        {
            yield return Config($"emailAddressIdentityArn '{Printable(arn)}'", c => c["emailAddressIdentityArn"] = arn, ArnMustBeSes);
        }

        yield return Config("feedbackForwardingEmailAddressIdentityArn is not an ARN", c => c["feedbackForwardingEmailAddressIdentityArn"] = "arn:aws:iam::123456789012:user/x", "'feedbackForwardingEmailAddressIdentityArn' must be an SES identity ARN such as arn:aws:ses:us-east-1:123456789012:identity/example.com.");
        yield return Config("configurationSetName has a space", c => c["configurationSetName"] = "my set", "'configurationSetName' must be 1 to 64 letters, digits, '_' or '-'.");
        yield return Config("configurationSetName has 65 characters", c => c["configurationSetName"] = new string('c', 65), "'configurationSetName' must be 1 to 64 letters, digits, '_' or '-'.");

        // Bad endpoints.
        foreach (var endpoint in new[] { "file:///etc/passwd", "ftp://example.com", "/v2/email/outbound-emails", "relative/path", "email.us-east-1.amazonaws.com", "javascript:alert(1)", "http://", "gopher://127.0.0.1:70/" })
        {
            yield return Config($"endpoint '{endpoint}'", c => c["endpoint"] = endpoint, EndpointMustBeHttp);
        }

        yield return Config("endpoint with user information", c => c["endpoint"] = "http://user:" + TestConfigs.SecretKey + "@127.0.0.1:1/", "'endpoint' must be an absolute http or https URL such as https://email.us-east-1.amazonaws.com.");
        yield return Config("endpoint with user and password", c => c["endpoint"] = "http://user:pass@127.0.0.1:1/", "'endpoint' must not hold user information, a query or a fragment.");
        yield return Config("endpoint with a query", c => c["endpoint"] = "https://email.example.com/?x=1", "'endpoint' must not hold user information, a query or a fragment.");
        yield return Config("endpoint with FIPS", c => { c["endpoint"] = "https://email.example.com"; c["useFipsEndpoint"] = true; }, "'endpoint' cannot be combined with 'useFipsEndpoint' or 'useDualStackEndpoint': a custom endpoint is used as it is.");

        // Bad senders and credentials.
        yield return Config("emailAddress with CRLF", c => c["emailAddress"] = "noreply@example.com\r\nBcc: evil@example.com", "'emailAddress' contains a line break or another control character.");
        yield return Config("emailAddress display name with CRLF", c => c["emailAddress"] = "Evil\r\nBcc: evil@example.com <noreply@example.com>", "'emailAddress' contains a line break or another control character.");
        yield return Config("emailAddress is a list", c => c["emailAddress"] = "a@example.com, b@example.com", "'emailAddress' must be exactly one address, not a list.");
        yield return Config("emailAddress has a non-ASCII local part", c => c["emailAddress"] = "jörg@example.com", "'emailAddress' has a non-ASCII local part, which SES cannot send to (only the domain may be international).");
        yield return Config("emailAddress is empty angle brackets", c => c["emailAddress"] = "Name <>", "'emailAddress' is not an email address (expected local-part@domain).");
        yield return Config("feedbackForwardingEmailAddress with LF", c => c["feedbackForwardingEmailAddress"] = "bounces@example.com\nX: y", "'feedbackForwardingEmailAddress' contains a line break or another control character.");
        yield return Config("accessKeySecret with a line break", c => c["accessKeySecret"] = TestConfigs.SecretKey + "\n", "'accessKeySecret' must not contain spaces or line breaks.");
        yield return Config("accessKeySecret without accessKeyId", c => c.Remove("accessKeyId"), "'accessKeyId' and 'accessKeySecret' must be given together, or both left out to use the AWS default credential chain (environment, profile, IAM role). 'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.");
        yield return Config("sessionToken without keys", c => { c.Remove("accessKeyId"); c.Remove("accessKeySecret"); }, "'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.");

        // Strings JSON can hold but .NET text cannot.
        yield return RawConfig("a subject with an unpaired surrogate escape", BaseConfigJson().Replace("Sign-in code", "Sign-in \\ud800 code", StringComparison.Ordinal), "'templates[0].subject' is not valid text: it holds an escaped unpaired UTF-16 surrogate (\\uD800 to \\uDFFF).");
        yield return new HostileRow
        {
            Name = "config: a key with an unpaired surrogate escape is ignored like any unknown key",
            InputConfig = () => Parse(BaseConfigJson().Replace("{\"accessKeyId\"", "{\"\\udc00\":1,\"accessKeyId\"", StringComparison.Ordinal)),
            Data = () => Message(To),
            Accepted = r => Assert.Equal("<p>123456|{{deep.a.a.a}}|{{big}}|{{k9999}}</p>", r.Content.Simple.Body.Html!.Data),
        };

        // Typed options.
        yield return Options("options without templates", o => o.Templates = null, "'templates' is required: an array of { usageType, subject, content }.");
        yield return Options("options with a null template", o => o.Templates = [null!], "Template with UsageType (Register, SignIn, ForgotPassword, Generic) should be provided!");
        yield return Options("options with 10,000 templates", o => o.Templates = [.. Enumerable.Range(0, 10_000).Select(i => new EmailTemplate { UsageType = TemplateTypes.All[i % 9].ToWireName(), Subject = "s", Content = "c" })], "'templates' has 10000 entries; at most 100 are allowed.");
        yield return Options("options with a null usage type", o => o.Templates![0].UsageType = null, "'templates[0].usageType' is required. Template with UsageType (SignIn) should be provided!");
        yield return Options("options sender with CRLF", o => o.EmailAddress = "noreply@example.com\r\n", "'emailAddress' contains a line break or another control character.");

        // Legitimately accepted configs.
        yield return new HostileRow
        {
            Name = "unknown keys, one nested 200 levels deep, are ignored",
            InputConfig = () => Parse(BaseConfigJson().Replace("{\"accessKeyId\"", "{\"extra\":" + Nested(200, "1") + ",\"other\":[1,true,null],\"accessKeyId\"", StringComparison.Ordinal)),
            Data = () => Message(To),
            Accepted = r => Assert.Equal("<p>123456|{{deep.a.a.a}}|{{big}}|{{k9999}}</p>", r.Content.Simple.Body.Html!.Data),
        };

        // Bad recipients.
        yield return Recipient("empty", "", "The recipient address is empty.");
        yield return Recipient("whitespace", " \t ", "The recipient address is empty.");
        yield return Recipient("null", null!, "The recipient address is empty.");
        yield return Recipient("over-long", new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com", "The recipient address is longer than 254 characters.");
        yield return Recipient("1 MB long", new string('a', 1_000_000) + "@example.com", "The recipient address is longer than 254 characters.");
        yield return Recipient("65-character local part", new string('a', 65) + "@example.com", "The recipient address has a local part longer than 64 characters.");
        yield return Recipient("comma list", "a@example.com,b@example.com", "The recipient address must be exactly one address, not a list.");
        yield return Recipient("semicolon list", "a@example.com; b@example.com", "The recipient address must be exactly one address, not a list.");
        yield return Recipient("space list", "a@example.com b@example.com", "The recipient address has the character '@' in its local part.");
        yield return Recipient("CRLF Bcc injection", "user@example.com\r\nBcc: evil@example.com", "The recipient address contains a line break or another control character.");
        yield return Recipient("trailing LF", "user@example.com\n", "The recipient address contains a line break or another control character.");
        yield return Recipient("leading CRLF", "\r\nuser@example.com", "The recipient address contains a line break or another control character.");
        yield return Recipient("CR in the local part", "us\rer@example.com", "The recipient address contains a line break or another control character.");
        yield return Recipient("NUL in the domain", "user@exam\0ple.com", "The recipient address contains a line break or another control character.");
        yield return Recipient("line separator", "user@example.com\u2028", "The recipient address contains a line break or another control character.");
        yield return Recipient("next line (U+0085)", "user@example.com\u0085", "The recipient address contains a line break or another control character.");
        yield return Recipient("percent-encoded CRLF", "user@example.com%0d%0aBcc:evil@example.com", "The recipient address has the character '@' in its local part.");
        yield return Recipient("percent-encoded CRLF in the domain", "user@example.com%0d%0aBcc:x", "The recipient address has an invalid domain.");
        yield return Recipient("non-ASCII local part", "jörg@example.com", "The recipient address has a non-ASCII local part, which SES cannot send to (only the domain may be international).");
        yield return Recipient("CJK local part", "用户@example.com", "The recipient address has a non-ASCII local part, which SES cannot send to (only the domain may be international).");
        yield return Recipient("no-break space in the local part", "us\u00a0er@example.com", "The recipient address has a non-ASCII local part, which SES cannot send to (only the domain may be international).");
        yield return Recipient("with a display name", "Evil <user@example.com>", "The recipient address must be a bare address such as user@example.com, without a display name or angle brackets.");
        yield return Recipient("quoted local part", "\"user\"@example.com", "The recipient address has the character '\"' in its local part.");
        yield return Recipient("no @", "userexample.com", "The recipient address is not an email address (expected local-part@domain).");
        yield return Recipient("nothing before @", "@example.com", "The recipient address is not an email address (expected local-part@domain).");
        yield return Recipient("nothing after @", "user@", "The recipient address is not an email address (expected local-part@domain).");
        yield return Recipient("dotless domain", "user@localhost", "The recipient address has a domain without a dot (e.g. example.com is needed).");
        yield return Recipient("address literal", "user@[127.0.0.1]", "The recipient address has a domain SES does not accept (an address literal or a trailing dot).");
        yield return Recipient("trailing dot", "user@example.com.", "The recipient address has a domain SES does not accept (an address literal or a trailing dot).");
        yield return Recipient("label starting with a hyphen", "user@-example.com", "The recipient address has an invalid domain.");
        yield return Recipient("underscore in the domain", "user@exa_mple.com", "The recipient address has an invalid domain.");
        yield return Recipient("unpaired surrogate in the domain", "user@exa\ud800mple.com", "The recipient address has an invalid domain.");
        yield return Recipient("double dot", "us..er@example.com", "The recipient address has a local part that starts or ends with a dot or holds two dots in a row.");

        // Legitimately accepted recipients.
        yield return new HostileRow
        {
            Name = "recipient with an international domain goes as Punycode",
            Data = () => Message("user@bücher.example"),
            Accepted = r => Assert.Equal(["user@xn--bcher-kva.example"], r.Destination.ToAddresses),
        };

        // Unknown usage types.
        foreach (var type in new[] { 99, -1, int.MaxValue })
        {
            yield return new HostileRow
            {
                Name = $"usage type {type}",
                Data = () => new SendMessageData { To = To, Type = (TemplateType)type, Payload = new SendMessagePayload { Code = Code } },
                Code = ConnectorErrorCode.InvalidRequestParameters,
                Message = $"The usage type {type} is not one of {AllTypes}.",
            };
        }

        // Payloads.
        yield return new HostileRow
        {
            Name = "null payload",
            Data = () => new SendMessageData { To = To, Type = TemplateType.SignIn, Payload = null! },
            Code = ConnectorErrorCode.InvalidRequestParameters,
            Message = "The message's Payload is null; leave it out (or use an empty SendMessagePayload) when there are no values.",
        };
        yield return new HostileRow
        {
            Name = "payload with null values (as deserialized from \"Values\": null) has no values",
            Data = () => new SendMessageData { To = To, Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = Code, Values = null! } },
            Accepted = r => Assert.Equal("<p>123456|{{deep.a.a.a}}|{{big}}|{{k9999}}</p>", r.Content.Simple.Body.Html!.Data),
        };
        yield return new HostileRow
        {
            Name = "payload object nested 200 levels deep",
            Data = () => Message(To, Payload("{\"deep\":" + Nested(200, "1") + "}")),
            Accepted = r => Assert.Equal("<p>123456|[object Object]|{{big}}|{{k9999}}</p>", r.Content.Simple.Body.Html!.Data),
        };
        yield return new HostileRow
        {
            Name = "payload array nested 200 levels deep",
            Data = () => Message(To, Payload("{\"deep\":" + new string('[', 200) + "\"<x>\"" + new string(']', 200) + ",\"big\":" + new string('[', 200) + "\"<x>\"" + new string(']', 200) + "}")),
            Accepted = r => Assert.Equal("<p>123456||&lt;x&gt;|{{k9999}}</p>", r.Content.Simple.Body.Html!.Data),
        };
        yield return new HostileRow
        {
            Name = "payload with a 1 MB string value",
            Data = () => Message(To, Payload(JsonSerializer.Serialize(new Dictionary<string, string> { ["big"] = BigValue }))),
            Accepted = r =>
            {
                Assert.Equal("<p>123456|{{deep.a.a.a}}|" + HtmlText.Escape(BigValue) + "|{{k9999}}</p>", r.Content.Simple.Body.Html!.Data);
                Assert.Equal("123456|{{deep.a.a.a}}|" + BigValue + "|{{k9999}}", r.Content.Simple.Body.Text!.Data);
            },
        };
        yield return new HostileRow
        {
            Name = "payload with 10,000 keys",
            Data = () => Message(To, Payload(JsonSerializer.Serialize(Enumerable.Range(0, 10_000).ToDictionary(i => "k" + i, i => "v" + i)))),
            Accepted = r => Assert.Equal("<p>123456|{{deep.a.a.a}}|{{big}}|v9999</p>", r.Content.Simple.Body.Html!.Data),
        };
        yield return new HostileRow
        {
            Name = "payload string with an unpaired surrogate escape",
            Data = () => Message(To, Payload("{\"big\":\"a\\ud800b\"}")),
            Accepted = r => Assert.Equal("<p>123456|{{deep.a.a.a}}|a\ufffdb|{{k9999}}</p>", r.Content.Simple.Body.Html!.Data),
        };
        yield return new HostileRow
        {
            Name = "code with a CRLF header injection stays on the subject line",
            Data = () => new SendMessageData { To = To, Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = "1\r\nBcc: evil@example.com" } },
            Accepted = r => Assert.Equal("Sign-in code 1 Bcc: evil@example.com", r.Content.Simple.Subject.Data),
        };
    }

    private static readonly string BigValue = string.Concat(Enumerable.Repeat("<b>&'\"x", 1_000_000 / 8));

    private static HostileRow RawConfig(string name, string json, string message) => new()
    {
        Name = "config: " + name,
        InputConfig = () => Parse(json),
        Data = () => Message(To),
        Code = ConnectorErrorCode.InvalidConfig,
        Message = message,
    };

    private static HostileRow Config(string name, Action<JsonObject> edit, string message) => new()
    {
        Name = "config: " + name,
        InputConfig = () =>
        {
            var config = JsonNode.Parse(BaseConfigJson())!.AsObject();
            edit(config);
            return Parse(config.ToJsonString());
        },
        Data = () => Message(To),
        Code = ConnectorErrorCode.InvalidConfig,
        Message = message,
    };

    private static HostileRow Options(string name, Action<AwsSesConnectorOptions> edit, string message) => new()
    {
        Name = "options: " + name,
        Options = () =>
        {
            var options = BaseOptions();
            edit(options);
            return options;
        },
        Data = () => Message(To),
        Code = ConnectorErrorCode.InvalidConfig,
        Message = message,
    };

    private static HostileRow Recipient(string name, string to, string message) => new()
    {
        Name = "recipient: " + name,
        Data = () => Message(to),
        Code = ConnectorErrorCode.InvalidRequestParameters,
        Message = message,
    };

    private static SendMessageData Message(string to, SendMessagePayload? payload = null) =>
        new() { To = to, Type = TemplateType.SignIn, Payload = payload ?? new SendMessagePayload { Code = Code } };

    private static SendMessagePayload Payload(string json)
    {
        using var document = JsonDocument.Parse(json, DeepJson);
        var payload = SendMessagePayload.FromJson(document.RootElement);
        return new SendMessagePayload { Code = Code, Values = payload.Values };
    }

    private static string Nested(int depth, string leaf) =>
        new StringBuilder().Insert(0, "{\"a\":", depth).Append(leaf).Append('}', depth).ToString();

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json, DeepJson);
        return document.RootElement.Clone();
    }

    private static string Printable(string value) => value.Length > 40 ? value[..10] + "..." + value.Length : value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static JsonObject Template(string usageType, string subject, string content) =>
        new() { ["usageType"] = usageType, ["subject"] = subject, ["content"] = content };

    private static string BaseConfigJson() => new JsonObject
    {
        ["accessKeyId"] = TestConfigs.AccessKeyId,
        ["accessKeySecret"] = TestConfigs.SecretKey,
        ["sessionToken"] = TestConfigs.SessionToken,
        ["region"] = TestConfigs.Region,
        ["emailAddress"] = TestConfigs.Sender,
        ["templates"] = new JsonArray(
            Template("SignIn", "Sign-in code {{code}}", SignInContent),
            Template("Register", "Register {{code}}", "<p>{{code}}</p>"),
            Template("ForgotPassword", "Reset {{code}}", "<p>{{code}}</p>"),
            Template("Generic", "Code {{code}}", "<p>{{code}}</p>")),
    }.ToJsonString();

    private static AwsSesConnectorOptions BaseOptions() => new()
    {
        AccessKeyId = TestConfigs.AccessKeyId,
        AccessKeySecret = TestConfigs.SecretKey,
        SessionToken = TestConfigs.SessionToken,
        Region = TestConfigs.Region,
        EmailAddress = TestConfigs.Sender,
        Templates =
        [
            new EmailTemplate { UsageType = "SignIn", Subject = "Sign-in code {{code}}", Content = SignInContent },
            new EmailTemplate { UsageType = "Register", Subject = "Register {{code}}", Content = "<p>{{code}}</p>" },
            new EmailTemplate { UsageType = "ForgotPassword", Subject = "Reset {{code}}", Content = "<p>{{code}}</p>" },
            new EmailTemplate { UsageType = "Generic", Subject = "Code {{code}}", Content = "<p>{{code}}</p>" },
        ],
    };
}
