using System.Text.Json;
using Connectors.AwsSes.Cli;

namespace Connectors.AwsSes.IntegrationTests.Emulator;

/// <summary>The ses-connector command's send and account verbs against the emulator.</summary>
[Collection(SesEmulatorCollection.Name)]
public sealed class CliEmulatorTests(SesEmulatorFixture emulator) : IDisposable
{
    private readonly string _configFile = Path.Combine(Path.GetTempPath(), $"ses-cli-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_configFile);

    [Fact]
    public async Task Send_Json_PrintsMessageIdOfStoredEmail()
    {
        WriteConfig();

        var (exit, stdout, stderr) = await RunAsync("send", "--config", _configFile, "--to", "user@example.com", "--type", "SignIn", "--code", "777111", "--endpoint", emulator.Endpoint.ToString(), "--json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var messageId = JsonDocument.Parse(stdout).RootElement.GetProperty("messageId").GetString();
        var stored = Assert.Single(await emulator.GetStoredEmailsAsync(), e => e.MessageId == messageId);
        Assert.Equal("Sign-in code 777111", stored.Subject);
        Assert.Equal("<p>777111</p>", stored.Body.Html);
    }

    [Fact]
    public async Task Account_Json_PrintsTheEmulatorsQuota()
    {
        WriteConfig();

        var (exit, stdout, _) = await RunAsync("account", "--config", _configFile, "--endpoint", emulator.Endpoint.ToString(), "--json");

        Assert.Equal(0, exit);
        var account = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(emulator.Account.Max24HourSend, account.GetProperty("max24HourSend").GetDouble());
        Assert.Equal(emulator.Account.SentLast24Hours, account.GetProperty("sentLast24Hours").GetDouble());
        Assert.Equal(emulator.Account.EnforcementStatus, account.GetProperty("enforcementStatus").GetString());
        Assert.True(account.GetProperty("sendingEnabled").GetBoolean());
    }

    private void WriteConfig() => File.WriteAllText(_configFile, """
        {
          "accessKeyId": "AKIDEXAMPLE",
          "accessKeySecret": "cli-emulator-secret",
          "region": "us-east-1",
          "emailAddress": "noreply@example.com",
          "templates": [
            { "usageType": "SignIn", "subject": "Sign-in code {{code}}", "content": "<p>{{code}}</p>" },
            { "usageType": "Register", "subject": "r", "content": "r" },
            { "usageType": "ForgotPassword", "subject": "f", "content": "f" },
            { "usageType": "Generic", "subject": "g", "content": "g" }
          ]
        }
        """);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await Cli.Cli.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
