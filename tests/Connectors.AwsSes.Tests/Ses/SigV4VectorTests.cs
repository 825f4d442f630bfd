using System.Text.Json;
using Connectors.AwsSes.Configuration;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Tests.TestSupport;
using Connectors.Kit.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.AwsSes.Tests.Ses;

/// <summary>
/// Reproduces, through the connector's whole path (config, template, request builder, JSON,
/// signer, HTTP), the SES requests botocore signed in shared/sigv4/ses-sigv4-vectors.json:
/// the bodies byte for byte and the Authorization headers exactly.
/// </summary>
public sealed class SigV4VectorTests
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string, string, string, string> Vectors() => new()
    {
        {
            "ses-simple-html-with-content-sha256",
            """{"accessKeyId":"AKIDEXAMPLE","accessKeySecret":"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY","region":"us-east-1","emailAddress":"Logto <noreply@example.com>","sendPlainTextPart":false,"tagUsageType":false,"templates":[{"usageType":"SignIn","subject":"Sign-in code","content":"<p>Your code is <b>{{ code }}</b></p>"},{"usageType":"Register","subject":"r","content":"r"},{"usageType":"ForgotPassword","subject":"f","content":"f"},{"usageType":"Generic","subject":"g","content":"g"}]}""",
            "user@example.com",
            "123456",
            "https://email.us-east-1.amazonaws.com/v2/email/outbound-emails",
            """{"FromEmailAddress":"Logto <noreply@example.com>","Destination":{"ToAddresses":["user@example.com"]},"Content":{"Simple":{"Subject":{"Data":"Sign-in code","Charset":"UTF-8"},"Body":{"Html":{"Data":"<p>Your code is <b>123456</b></p>","Charset":"UTF-8"}}}}}""",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ses/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=4b081723e7d617a67b7e0828bf682fefd91abd62685ee5d0acf5c36049fa76cc"
        },
        {
            "ses-session-token-eu-west-1",
            """{"accessKeyId":"AKIDEXAMPLE","accessKeySecret":"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY","sessionToken":"TOKENEXAMPLE","region":"eu-west-1","emailAddress":"Équipe Logto <noreply@example.com>","configurationSetName":"auth-emails","tagUsageType":false,"templates":[{"usageType":"SignIn","subject":"Code de connexion","content":"<p>Votre code : {{code}}</p>"},{"usageType":"Register","subject":"r","content":"r"},{"usageType":"ForgotPassword","subject":"f","content":"f"},{"usageType":"Generic","subject":"g","content":"g"}]}""",
            "user@example.com",
            "654321",
            "https://email.eu-west-1.amazonaws.com/v2/email/outbound-emails",
            """{"FromEmailAddress":"=?UTF-8?B?w4lxdWlwZSBMb2d0bw==?= <noreply@example.com>","Destination":{"ToAddresses":["user@example.com"]},"Content":{"Simple":{"Subject":{"Data":"Code de connexion","Charset":"UTF-8"},"Body":{"Html":{"Data":"<p>Votre code : 654321</p>","Charset":"UTF-8"},"Text":{"Data":"Votre code : 654321","Charset":"UTF-8"}}}},"ConfigurationSetName":"auth-emails"}""",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/ses/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=c427df3d4b548ad71c155f6c76141415c3323e0dc1c5e8a70be183f92900c413"
        },
        {
            "ses-china-partition",
            """{"accessKeyId":"AKIDEXAMPLE","accessKeySecret":"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY","region":"cn-north-1","emailAddress":"noreply@example.cn","sendPlainTextPart":false,"tagUsageType":false,"templates":[{"usageType":"SignIn","subject":"验证码","content":"<p>您的验证码是 {{code}}</p>"},{"usageType":"Register","subject":"r","content":"r"},{"usageType":"ForgotPassword","subject":"f","content":"f"},{"usageType":"Generic","subject":"g","content":"g"}]}""",
            "user@example.cn",
            "112233",
            "https://email.cn-north-1.amazonaws.com.cn/v2/email/outbound-emails",
            """{"FromEmailAddress":"noreply@example.cn","Destination":{"ToAddresses":["user@example.cn"]},"Content":{"Simple":{"Subject":{"Data":"验证码","Charset":"UTF-8"},"Body":{"Html":{"Data":"<p>您的验证码是 112233</p>","Charset":"UTF-8"}}}}}""",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/cn-north-1/ses/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=7f00237d02818c9e70c3fe6f31e523508bf605e9d21ed9111b47bd04e11c2292"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task SendMessageAsync_VectorConfig_SendsBotocoreSignedRequestExactly(
        string vector, string configJson, string to, string code, string url, string body, string authorization)
    {
        _ = vector;
        var handler = new StubHttpHandler();
        var connector = CreateConnector(handler);
        using var config = JsonDocument.Parse(configJson);

        var messageId = await connector.SendMessageAsync(
            new SendMessageData { To = to, Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = code } },
            config.RootElement);

        Assert.Equal("stub-message-id", messageId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(url, request.Uri.AbsoluteUri);
        Assert.Equal(body, request.Body);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("20150830T123600Z", request.Headers["X-Amz-Date"]);
        Assert.Equal(authorization, request.Headers["Authorization"]);
        if (configJson.Contains("sessionToken", StringComparison.Ordinal))
        {
            Assert.Equal("TOKENEXAMPLE", request.Headers["X-Amz-Security-Token"]);
        }
        else
        {
            Assert.False(request.Headers.ContainsKey("X-Amz-Security-Token"));
        }
    }

    private static AwsSesConnector CreateConnector(StubHttpHandler handler)
    {
        var time = new FakeTimeProvider(SignedAt);
        var client = new SesHttpClient(new HttpClient(handler), () => new AwsSesClientOptions(), time: time, environment: _ => null);
        return new AwsSesConnector("test", new FixedOptionsMonitor<AwsSesConnectorOptions>(new AwsSesConnectorOptions()), client);
    }
}
