using Connectors.AwsSes.Cli.Tests.Support;

namespace Connectors.AwsSes.Cli.Tests.Hardening;

/// <summary>
/// What every verb prints on success, in both modes, holds neither the secret key nor the session
/// token (failures are checked row by row in <see cref="CliFailureTests"/>).
/// </summary>
public sealed class CliSecretHygieneTests
{
    private const string Account = """{"SendQuota":{"Max24HourSend":200,"MaxSendRate":1,"SentLast24Hours":3},"SendingEnabled":true,"EnforcementStatus":"HEALTHY","ProductionAccessEnabled":false}""";

    [Theory]
    [InlineData("send", true)]
    [InlineData("send", false)]
    [InlineData("render", true)]
    [InlineData("render", false)]
    [InlineData("validate", true)]
    [InlineData("validate", false)]
    [InlineData("account", true)]
    [InlineData("account", false)]
    public async Task Success_ShowsNeitherTheSecretKeyNorTheSessionToken(string verb, bool json)
    {
        await using var ses = StubSesServer.StartSes("m-1", Account);
        using var config = TempConfig.Write(CliFailureTests.Config());
        List<string> args = verb switch
        {
            "send" => ["send", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--code", "1", "--endpoint", ses.Endpoint.AbsoluteUri],
            "render" => ["render", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--code", "1", "--payload", "{\"name\":\"Ada\"}"],
            "account" => ["account", "--config", config.FilePath, "--endpoint", ses.Endpoint.AbsoluteUri],
            _ => ["validate", "--config", config.FilePath],
        };
        if (json)
        {
            args.Add("--json");
        }

        var run = await CliRun.RunAsync([.. args]);

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Stdout);
        Assert.Empty(run.Stderr);
        CliFailureTests.AssertClean(run.Stdout, awsErrorType: null);
        Assert.Equal(verb is "send" or "account" ? 1 : 0, ses.Requests.Count);
    }
}
