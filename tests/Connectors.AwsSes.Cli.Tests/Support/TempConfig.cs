using System.Text.Json.Nodes;

namespace Connectors.AwsSes.Cli.Tests.Support;

/// <summary>A config file in a temporary directory, deleted on dispose.</summary>
internal sealed class TempConfig : IDisposable
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private readonly string _directory;

    private TempConfig(string text)
    {
        _directory = Path.Combine(Path.GetTempPath(), "ses-connector-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, "config.json");
        File.WriteAllText(FilePath, text);
    }

    public string FilePath { get; }

    /// <summary>A valid config with dummy keys: no credential chain lookup happens.</summary>
    public static JsonObject Valid() => new()
    {
        ["accessKeyId"] = AccessKeyId,
        ["accessKeySecret"] = Secret,
        ["region"] = "us-east-1",
        ["emailAddress"] = "Example <noreply@example.com>",
        ["templates"] = new JsonArray
        {
            Template("SignIn", "Sign-in code {{code}}", "<p>Hello {{ name }}, your code is <b>{{code}}</b> ({{locale}}).</p>"),
            Template("Register", "Register {{code}}", "<p>{{code}}</p>"),
            Template("ForgotPassword", "Reset {{code}}", "<p>{{code}}</p>"),
            Template("Generic", "Code {{code}}", "<p>{{code}}</p>"),
        },
    };

    public static TempConfig Write(JsonObject config) => new(config.ToJsonString());

    public static TempConfig WriteText(string text) => new(text);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonObject Template(string usageType, string subject, string content) => new()
    {
        ["usageType"] = usageType,
        ["subject"] = subject,
        ["content"] = content,
    };
}
