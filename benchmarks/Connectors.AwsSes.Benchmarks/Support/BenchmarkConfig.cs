using Connectors.AwsSes.Configuration;
using Connectors.Kit.Messages;
using Connectors.Kit.Templates;

namespace Connectors.AwsSes.Benchmarks.Support;

/// <summary>
/// The built-in test config and email every benchmark and the throughput harness send: dummy
/// keys, a typical HTML sign-in template (so a text part is derived too), the default extensions.
/// </summary>
public static class BenchmarkConfig
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";

    public const string SignInSubject = "Your {{ application }} sign-in code is {{code}}";

    public const string SignInContent =
        """
        <!DOCTYPE html>
        <html><body style="font-family: -apple-system, 'Segoe UI', sans-serif; color: #1a1a1a">
        <h1 style="font-size: 20px">Sign in to Example</h1>
        <p>Use this code to finish signing in:</p>
        <p style="font-size: 28px; letter-spacing: 4px"><b>{{ code }}</b></p>
        <p>The code expires in 10 minutes. If you did not try to sign in, you can ignore this email.</p>
        <p><a href="https://example.com/help">Need help?</a></p>
        </body></html>
        """;

    /// <summary>Creates the options: endpoint as given (the sink) or the regional one.</summary>
    public static AwsSesConnectorOptions CreateOptions(string? endpoint = null) => new()
    {
        AccessKeyId = AccessKeyId,
        AccessKeySecret = SecretKey,
        Region = Region,
        Endpoint = endpoint,
        EmailAddress = "Example <noreply@example.com>",
        Templates =
        [
            new EmailTemplate { UsageType = "SignIn", Subject = SignInSubject, Content = SignInContent },
            new EmailTemplate { UsageType = "Register", Subject = "Your registration code is {{code}}", Content = "<p>Your registration code is {{code}}.</p>" },
            new EmailTemplate { UsageType = "ForgotPassword", Subject = "Your password reset code is {{code}}", Content = "<p>Your password reset code is {{code}}.</p>" },
            new EmailTemplate { UsageType = "Generic", Subject = "Your code is {{code}}", Content = "<p>Your verification code is {{code}}.</p>" },
        ],
    };

    /// <summary>Creates the email: a sign-in code to one recipient.</summary>
    public static SendMessageData CreateMessage() => new()
    {
        To = "jane.doe@example.com",
        Type = TemplateType.SignIn,
        Payload = new SendMessagePayload { Code = "123456", Locale = "en" },
    };
}
