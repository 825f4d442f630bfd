using Connectors.AwsSes.Cli.Tests.Support;

namespace Connectors.AwsSes.Cli.Tests;

public sealed class AccountTests
{
    private const string AccountJson =
        "{\"DedicatedIpAutoWarmupEnabled\":false,\"EnforcementStatus\":\"HEALTHY\",\"ProductionAccessEnabled\":true,"
        + "\"SendQuota\":{\"Max24HourSend\":50000.0,\"MaxSendRate\":14.0,\"SentLast24Hours\":12.0},"
        + "\"SendingEnabled\":true,\"SuppressionAttributes\":{\"SuppressedReasons\":[\"BOUNCE\",\"COMPLAINT\"]}}";

    [Fact]
    public async Task Account_prints_the_quota_and_sending_state_as_one_json_document()
    {
        await using var ses = StubSesServer.StartSes(accountJson: AccountJson);
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("account", "--config", config.FilePath, "--endpoint", ses.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Equal(
            "{\"sendingEnabled\":true,\"productionAccessEnabled\":true,\"enforcementStatus\":\"HEALTHY\",\"max24HourSend\":50000,\"maxSendRate\":14,\"sentLast24Hours\":12}\n",
            run.Stdout);
        var request = Assert.Single(ses.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v2/email/account", request.Path);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", request.Authorization);
    }

    [Fact]
    public async Task Members_SES_leaves_out_are_omitted()
    {
        await using var ses = StubSesServer.StartSes(accountJson: "{\"SendingEnabled\":false,\"SendQuota\":{\"MaxSendRate\":1.5}}");
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("account", "--config", config.FilePath, "--endpoint", ses.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"sendingEnabled\":false,\"maxSendRate\":1.5}\n", run.Stdout);
    }

    [Fact]
    public async Task Account_without_json_is_readable()
    {
        await using var ses = StubSesServer.StartSes(accountJson: AccountJson);
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("account", "--config", config.FilePath, "--endpoint", ses.Endpoint.AbsoluteUri);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "Sending enabled: yes\n"
            + "Production access: yes\n"
            + "Enforcement status: HEALTHY\n"
            + "Sent in the last 24 hours: 12 of 50000\n"
            + "Maximum send rate: 14 emails per second\n",
            run.Stdout);
    }

    [Fact]
    public async Task A_refused_call_is_exit_1_with_the_aws_error()
    {
        await using var ses = StubSesServer.Start(_ => new StubResponse(
            403,
            "{\"message\":\"User is not authorized to perform ses:GetAccount\"}",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/coral/", ["x-amzn-RequestId"] = "req-2" }));
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("account", "--config", config.FilePath, "--endpoint", ses.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(1, run.ExitCode);
        var error = run.JsonError("authorization_failed");
        Assert.Equal("AccessDeniedException", error.GetProperty("awsErrorType").GetString());
        Assert.Equal("req-2", error.GetProperty("requestId").GetString());
        Assert.Single(ses.Requests);
    }

    [Fact]
    public async Task The_endpoint_option_beats_the_configs_endpoint()
    {
        await using var configured = StubSesServer.StartSes(accountJson: "{\"EnforcementStatus\":\"CONFIGURED\"}");
        await using var flagged = StubSesServer.StartSes(accountJson: "{\"EnforcementStatus\":\"FLAGGED\"}");
        var json = TempConfig.Valid();
        json["endpoint"] = configured.Endpoint.AbsoluteUri;
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync("account", "--config", config.FilePath, "--endpoint", flagged.Endpoint.AbsoluteUri, "--json");

        Assert.Equal("{\"enforcementStatus\":\"FLAGGED\"}\n", run.Stdout);
        Assert.Empty(configured.Requests);
    }

    [Fact]
    public async Task A_bad_config_is_reported_before_anything_is_called()
    {
        await using var ses = StubSesServer.StartSes();
        var json = TempConfig.Valid();
        json["region"] = "moon-base-1x";
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync("account", "--config", config.FilePath, "--endpoint", ses.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(1, run.ExitCode);
        run.JsonError("invalid_config");
        Assert.Empty(ses.Requests);
    }
}
