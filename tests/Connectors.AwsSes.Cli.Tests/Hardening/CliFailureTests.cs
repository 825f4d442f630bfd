using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connectors.AwsSes.Cli.Tests.Support;

namespace Connectors.AwsSes.Cli.Tests.Hardening;

/// <summary>
/// Failure kinds the other CLI tests leave out, each in both output modes: exit 1 (2 for bad usage),
/// under <c>--json</c> exactly one JSON error document and nothing on stderr, otherwise the error on
/// stderr and nothing on stdout; never a stack trace, an exception type name or a secret.
/// </summary>
public sealed partial class CliFailureTests
{
    private const string ConfigToken = "{config}";
    private const string SesToken = "{ses}";
    private const string SessionToken = "FwoGZXIvYXdzSESSIONTOKENforCLItests0123456789";
    private const string Unreachable = "http://127.0.0.1:1";
    private const string NotText = "is not valid text: it holds an escaped unpaired UTF-16 surrogate (\\uD800 to \\uDFFF).";

    private static readonly Dictionary<string, string> RejectedHeaders = new() { ["x-amzn-ErrorType"] = "MessageRejected", ["x-amzn-RequestId"] = "req-7" };

    private static readonly Dictionary<string, CliFailure> Table = BuildTable().ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static TheoryData<string, bool> Rows
    {
        get
        {
            var rows = new TheoryData<string, bool>();
            foreach (var name in Table.Keys)
            {
                rows.Add(name, true);
                rows.Add(name, false);
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Failure_IsItsExitCodeAndOneCleanError(string name, bool json)
    {
        var row = Table[name];
        using var config = row.ConfigText is { } text ? TempConfig.WriteText(text) : TempConfig.Write(row.Config?.Invoke() ?? Config());
        await using var ses = row.Ses is { } respond ? StubSesServer.Start(respond) : null;
        var args = row.Args.Select(a => a.Replace(ConfigToken, config.FilePath, StringComparison.Ordinal).Replace(SesToken, ses?.Endpoint.AbsoluteUri ?? Unreachable, StringComparison.Ordinal)).ToList();
        if (json)
        {
            args.Add("--json");
        }

        var run = await CliRun.RunAsync([.. args]);

        var message = row.Message.Replace(ConfigToken, config.FilePath, StringComparison.Ordinal);
        Assert.Equal(row.ExitCode, run.ExitCode);
        if (json)
        {
            var error = run.JsonError(row.Code); // Exactly one document; stderr empty.
            Assert.Equal(message, error.GetProperty("message").GetString());
            Assert.Equal(row.AwsErrorType, error.TryGetProperty("awsErrorType", out var type) ? type.GetString() : null);
            Assert.Equal(row.RequestId, error.TryGetProperty("requestId", out var id) ? id.GetString() : null);
        }
        else
        {
            Assert.Empty(run.Stdout);
            Assert.StartsWith($"error ({row.Code}): {message}\n", run.Stderr, StringComparison.Ordinal);
        }

        AssertClean(run.Stdout + run.Stderr, row.AwsErrorType);
        Assert.Equal(row.Requests, ses?.Requests.Count ?? 0);
    }

    [Fact]
    public async Task Render_APayloadStringWithAnUnpairedSurrogateEscape_RendersTheReplacementCharacter()
    {
        using var config = TempConfig.Write(Config());

        var run = await CliRun.RunAsync("render", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--code", "1", "--payload", "{\"name\":\"A\\ud800da\",\"\\udc00\":1}", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("<p>Hello A\ufffdda, your code is <b>1</b> ({{locale}}).</p>", run.Json().GetProperty("Content").GetProperty("Simple").GetProperty("Body").GetProperty("Html").GetProperty("Data").GetString());
    }

    [Fact]
    public async Task Send_AConfigKeyWithAnUnpairedSurrogateEscapeAndTheEndpointOption_IsSentWithTheKeyIgnored()
    {
        await using var ses = StubSesServer.StartSes("m-9");
        var text = Config().ToJsonString().Replace("{\"accessKeyId\"", "{\"\\udc00\":\"\\ud800\",\"a\\\"b\":1,\"endpoint\":\"file:///x\",\"accessKeyId\"", StringComparison.Ordinal);
        using var config = TempConfig.WriteText(text);

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--code", "1", "--endpoint", ses.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"messageId\":\"m-9\"}\n", run.Stdout);
        Assert.Single(ses.Requests);
    }

    [Fact]
    public void WithEndpoint_CopiesEveryOtherMemberAsWrittenAndReplacesTheEndpoint()
    {
        using var config = JsonDocument.Parse("{\"\\udc00\":\"x\\ud800y\",\"a\\\"b\":[1,{\"c\":null}],\"endpoint\":\"old\",\"\\u0065ndpoint\":\"old too\",\"n\":-0.5e3}");

        using var result = ConfigFile.WithEndpoint(config.RootElement, "http://127.0.0.1:9/\"x");

        Assert.Equal("{\"\\udc00\":\"x\\ud800y\",\"a\\\"b\":[1,{\"c\":null}],\"n\":-0.5e3,\"endpoint\":\"http://127.0.0.1:9/\\u0022x\"}", result.RootElement.GetRawText());
    }

    internal static void AssertClean(string output, string? awsErrorType)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--->", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectorError", output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected ", output, StringComparison.Ordinal);
        foreach (Match match in ExceptionName().Matches(output))
        {
            Assert.Equal(awsErrorType, match.Value); // Only SES's own error type may end in "Exception".
        }

        Assert.DoesNotContain(TempConfig.Secret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, output, StringComparison.Ordinal);
    }

    /// <summary>A valid config with a session token besides the keys.</summary>
    internal static JsonObject Config()
    {
        var config = TempConfig.Valid();
        config["sessionToken"] = SessionToken;
        return config;
    }

    private static IEnumerable<CliFailure> BuildTable()
    {
        string[] send = ["send", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--code", "123456", "--endpoint", SesToken];
        string[] render = ["render", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--code", "123456"];
        string[] account = ["account", "--config", ConfigToken, "--endpoint", SesToken];
        string[] validate = ["validate", "--config", ConfigToken];

        // Config files.
        yield return new("send: empty config file", send, 1, "invalid_config", "The config file '{config}' is not valid JSON (line 1, byte 1).", ConfigText: "");
        yield return new("render: truncated config file", render, 1, "invalid_config", "The config file '{config}' is not valid JSON (line 1, byte 27).", ConfigText: "{\"accessKeySecret\": \"" + TempConfig.Secret[..5]);
        yield return new("account: config file that is not JSON", account, 1, "invalid_config", "The config file '{config}' is not valid JSON (line 1, byte 1).", ConfigText: "accessKeySecret=" + TempConfig.Secret);
        yield return new("validate: config nested 200 levels deep", validate, 1, "invalid_config", "The config file '{config}' is nested more than 64 levels deep.", ConfigText: "{\"x\":" + new string('[', 200) + new string(']', 200) + "}");
        yield return new("send: config that is an array", send, 1, "invalid_config", "The config must be a JSON object, not an array.", ConfigText: "[{\"accessKeySecret\":\"" + TempConfig.Secret + "\"}]");
        yield return new("render: config that is a string", render, 1, "invalid_config", "The config must be a JSON object, not a string.", ConfigText: "\"" + TempConfig.Secret + "\"");

        // Invalid configs.
        yield return new("send: invalid config", send, 1, "invalid_config", "'accessKeySecret' must not contain spaces or line breaks. 'region' must be an AWS region name such as us-east-1 or eu-west-1.", Config: () => Edit(c => { c["accessKeySecret"] = TempConfig.Secret + " "; c["region"] = "Mars"; }));
        yield return new("render: session token without keys", render, 1, "invalid_config", "'sessionToken' needs 'accessKeyId' and 'accessKeySecret'.", Config: () => Edit(c => { c.Remove("accessKeyId"); c.Remove("accessKeySecret"); }));
        yield return new("account: invalid config", account, 1, "invalid_config", "'emailAddress' contains a line break or another control character.", Config: () => Edit(c => c["emailAddress"] = "noreply@example.com\r\nBcc: evil@example.com"));
        yield return new("validate: 10,000 templates", validate, 1, "invalid_config", "'templates' has 10000 entries; at most 100 are allowed.", Config: () => Edit(c => c["templates"] = new JsonArray([.. Enumerable.Range(0, 10_000).Select(_ => (JsonNode?)new JsonObject { ["usageType"] = "SignIn", ["subject"] = "s", ["content"] = "c" })])));
        yield return new("render: a subject with an unpaired surrogate escape", render, 1, "invalid_config", $"'templates[0].subject' {NotText}", ConfigText: Config().ToJsonString().Replace("Sign-in code", "Sign-in \\ud800 code", StringComparison.Ordinal));
        yield return new("send: an unpaired surrogate escape with the endpoint option", send, 1, "invalid_config", $"'emailAddress' {NotText}", ConfigText: Config().ToJsonString().Replace("\"emailAddress\":\"Example", "\"emailAddress\":\"Ex\\udc00ample", StringComparison.Ordinal));
        yield return new("account: relative endpoint option", ["account", "--config", ConfigToken, "--endpoint", "relative/path"], 1, "invalid_config", "'endpoint' must be an absolute http or https URL such as https://email.us-east-1.amazonaws.com.");
        yield return new("send: endpoint option with a password", ["send", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--endpoint", "http://user:" + TempConfig.Secret.Replace("/", "", StringComparison.Ordinal) + "@127.0.0.1:1/"], 1, "invalid_config", "'endpoint' must not hold user information, a query or a fragment.");

        // Bad recipients.
        yield return new("send: CRLF-injected recipient", ["send", "--config", ConfigToken, "--to", "user@example.com\r\nBcc: evil@example.com", "--type", "SignIn", "--endpoint", SesToken], 1, "invalid_request_parameters", "The recipient address contains a line break or another control character.", Ses: Ok);
        yield return new("send: recipient list", ["send", "--config", ConfigToken, "--to", "a@example.com,b@example.com", "--type", "SignIn", "--endpoint", SesToken], 1, "invalid_request_parameters", "The recipient address must be exactly one address, not a list.", Ses: Ok);
        yield return new("render: non-ASCII local part", ["render", "--config", ConfigToken, "--to", "jörg@example.com", "--type", "SignIn"], 1, "invalid_request_parameters", "The recipient address has a non-ASCII local part, which SES cannot send to (only the domain may be international).");
        yield return new("render: blank recipient", ["render", "--config", ConfigToken, "--to", " ", "--type", "SignIn"], 1, "invalid_request_parameters", "The recipient address is empty.");
        yield return new("render: over-long recipient", ["render", "--config", ConfigToken, "--to", new string('a', 64) + "@" + new string('b', 200) + ".example.com", "--type", "SignIn"], 1, "invalid_request_parameters", "The recipient address is longer than 254 characters.");

        // SES errors from a local stub.
        yield return new("send: 500 three times", send, 1, "invalid_response", "SES SendEmail failed with HTTP 500 InternalServerError, InternalFailure: Internal failure.", AwsErrorType: "InternalFailure", RequestId: "req-500", Requests: 3, Ses: _ => Error(500, "InternalFailure", "Internal failure.", "req-500"));
        yield return new("send: 429 three times", send, 1, "rate_limit_exceeded", "SES SendEmail failed with HTTP 429 TooManyRequests, TooManyRequestsException: Maximum sending rate exceeded.", AwsErrorType: "TooManyRequestsException", RequestId: "req-429", Requests: 3, Ses: _ => Error(429, "TooManyRequestsException", "Maximum sending rate exceeded.", "req-429"));
        yield return new("send: daily quota spent", send, 1, "usage_limit_exceeded", "SES SendEmail failed with HTTP 400 BadRequest, LimitExceededException: Daily message quota exceeded.", AwsErrorType: "LimitExceededException", RequestId: "req-q", Requests: 1, Ses: _ => Error(400, "LimitExceededException", "Daily message quota exceeded.", "req-q"));
        yield return new("send: bad signature", send, 1, "invalid_config", "SES SendEmail failed with HTTP 403 Forbidden, InvalidSignatureException: The request signature we calculated does not match the signature you provided.", AwsErrorType: "InvalidSignatureException", RequestId: "req-s", Requests: 1, Ses: _ => Error(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.", "req-s"));
        yield return new("send: 200 without a MessageId", send, 1, "invalid_response", "SES SendEmail answered with success but without a MessageId in its body.", Requests: 1, Ses: _ => new StubResponse(200, "{\"Message\":\"ok\"}"));
        yield return new("send: 502 with an HTML page", send, 1, "invalid_response", "SES SendEmail failed with HTTP 502 BadGateway.", Requests: 3, Ses: _ => new StubResponse(502, "<html><body>Bad Gateway</body></html>"));
        yield return new("send: rejected message", send, 1, "invalid_request_parameters", "SES SendEmail failed with HTTP 400 BadRequest, MessageRejected: Email address is not verified.", AwsErrorType: "MessageRejected", RequestId: "req-7", Requests: 1, Ses: _ => new StubResponse(400, "{\"message\":\"Email address is not verified.\"}", RejectedHeaders));
        yield return new("account: 500 three times", account, 1, "invalid_response", "SES GetAccount failed with HTTP 500 InternalServerError, InternalFailure: Internal failure.", AwsErrorType: "InternalFailure", RequestId: "req-500", Requests: 3, Ses: _ => Error(500, "InternalFailure", "Internal failure.", "req-500"));
        yield return new("account: malformed account", account, 1, "invalid_response", "SES GetAccount answered with success but its body is not the expected JSON.", Requests: 1, Ses: _ => new StubResponse(200, "{\"SendQuota\": [oops"));

        // Unreachable endpoints.
        yield return new("send: unreachable endpoint", send, 1, "general", "SES SendEmail at 127.0.0.1:1 could not be reached after 3 attempt(s): Connection refused (127.0.0.1:1)");
        yield return new("account: unreachable endpoint", account, 1, "general", "SES GetAccount at 127.0.0.1:1 could not be reached after 3 attempt(s): Connection refused (127.0.0.1:1)");

        // Bad usage the other tests leave out.
        yield return new("render: payload nested 200 levels deep", [.. render, "--payload", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}"], 2, "usage", "--payload is nested more than 64 levels deep.");
        yield return new("send: usage type given as a number", ["send", "--config", ConfigToken, "--to", "user@example.com", "--type", "1", "--endpoint", SesToken], 2, "usage", "--type '1' is not a usage type; expected one of SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa (case-sensitive).", Ses: Ok);
        yield return new("send: payload that is a JSON string holding an object", [.. send, "--payload", "\"{\\\"code\\\":1}\""], 2, "usage", "--payload must be a JSON object, such as '{\"link\":\"https://example.com\"}', not a string.", Ses: Ok);
        yield return new("render: payload with a trailing comma", [.. render, "--payload", "{\"a\":1,}"], 2, "usage", "--payload must be a JSON object, such as '{\"link\":\"https://example.com\"}'; it is not valid JSON (line 1, byte 8).");
    }

    private static StubResponse Ok(StubRequest request) => new(200, "{\"MessageId\":\"never\"}");

    private static StubResponse Error(int status, string type, string message, string requestId) =>
        new(status, JsonSerializer.Serialize(new { message }), new Dictionary<string, string> { ["x-amzn-ErrorType"] = type, ["x-amzn-RequestId"] = requestId });

    private static JsonObject Edit(Action<JsonObject> edit)
    {
        var config = Config();
        edit(config);
        return config;
    }

    [GeneratedRegex("\\b\\w*Exception\\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionName();

    /// <summary>One failure: the command line, what the files and SES hold, and the exact error expected.</summary>
    private sealed record CliFailure(
        string Name,
        string[] Args,
        int ExitCode,
        string Code,
        string Message,
        string? AwsErrorType = null,
        string? RequestId = null,
        int Requests = 0,
        Func<StubRequest, StubResponse>? Ses = null,
        Func<JsonObject>? Config = null,
        string? ConfigText = null);
}
