using System.Text.Json;
using Connectors.AwsSes.Cli.Tests.Support;

namespace Connectors.AwsSes.Cli.Tests;

public sealed class SendTests
{
    private static readonly Dictionary<string, string> RejectedHeaders = new()
    {
        ["x-amzn-ErrorType"] = "MessageRejected",
        ["x-amzn-RequestId"] = "req-1",
    };

    [Fact]
    public async Task Send_posts_the_rendered_request_signed_and_prints_the_message_id()
    {
        await using var ses = StubSesServer.StartSes("m-1");
        using var config = TempConfig.Write(TempConfig.Valid());
        string[] message = ["--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--code", "123456", "--payload", "{\"name\":\"Ada\"}"];

        var run = await CliRun.RunAsync(["send", .. message, "--endpoint", ses.Endpoint.AbsoluteUri, "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"messageId\":\"m-1\"}\n", run.Stdout);
        Assert.Empty(run.Stderr);
        var request = Assert.Single(ses.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/email/outbound-emails", request.Path);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", request.Authorization);
        Assert.Contains("/us-east-1/ses/aws4_request", request.Authorization);

        // What render prints is what send posts, byte for byte.
        var rendered = await CliRun.RunAsync(["render", .. message, "--json"]);
        Assert.Equal(rendered.Stdout, request.Body + "\n");
    }

    [Fact]
    public async Task Send_without_json_prints_the_message_id_for_people()
    {
        await using var ses = StubSesServer.StartSes("0100018f-abc");
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "user@example.com", "--type", "Generic", "--code", "1", "--endpoint", ses.Endpoint.AbsoluteUri);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Sent. Message id: 0100018f-abc\n", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task A_rejected_message_is_exit_1_with_the_aws_error_type_and_request_id_and_is_not_retried()
    {
        await using var ses = StubSesServer.Start(_ => new StubResponse(400, "{\"message\":\"Email address is not verified.\"}", RejectedHeaders));
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--code", "1", "--endpoint", ses.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(1, run.ExitCode);
        var error = run.JsonError("invalid_request_parameters");
        Assert.Equal("MessageRejected", error.GetProperty("awsErrorType").GetString());
        Assert.Equal("req-1", error.GetProperty("requestId").GetString());
        Assert.Equal(
            "{\"error\":{\"code\":\"invalid_request_parameters\",\"message\":\"SES SendEmail failed with HTTP 400 BadRequest, MessageRejected: Email address is not verified.\",\"awsErrorType\":\"MessageRejected\",\"requestId\":\"req-1\"}}\n",
            run.Stdout);
        Assert.Single(ses.Requests);
    }

    [Fact]
    public async Task A_rejected_message_without_json_is_described_on_stderr()
    {
        await using var ses = StubSesServer.Start(_ => new StubResponse(400, "{\"message\":\"Email address is not verified.\"}", RejectedHeaders));
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--endpoint", ses.Endpoint.AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal(
            "error (invalid_request_parameters): SES SendEmail failed with HTTP 400 BadRequest, MessageRejected: Email address is not verified.\n"
            + "  AWS error type: MessageRejected\n"
            + "  AWS request id: req-1\n",
            run.Stderr);
        Assert.DoesNotContain(TempConfig.Secret, run.Stderr);
    }

    [Fact]
    public async Task The_endpoint_option_beats_the_configs_endpoint()
    {
        await using var configured = StubSesServer.StartSes("m-config");
        await using var flagged = StubSesServer.StartSes("m-flag");
        var json = TempConfig.Valid();
        json["endpoint"] = configured.Endpoint.AbsoluteUri;
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--code", "1", "--endpoint", flagged.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"messageId\":\"m-flag\"}\n", run.Stdout);
        Assert.Single(flagged.Requests);
        Assert.Empty(configured.Requests);
    }

    [Fact]
    public async Task Without_the_option_the_configs_endpoint_is_used()
    {
        await using var configured = StubSesServer.StartSes("m-config");
        var json = TempConfig.Valid();
        json["endpoint"] = configured.Endpoint.AbsoluteUri;
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("m-config", run.Json().GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task A_recipient_with_a_display_name_is_refused_before_anything_is_sent()
    {
        await using var ses = StubSesServer.StartSes();
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "Ada <ada@example.com>", "--type", "SignIn", "--endpoint", ses.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(1, run.ExitCode);
        run.JsonError("invalid_request_parameters");
        Assert.Empty(ses.Requests);
    }

    [Fact]
    public async Task A_bad_endpoint_option_is_invalid_config()
    {
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--endpoint", "ftp://example.com", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "'endpoint' must be an absolute http or https URL such as https://email.us-east-1.amazonaws.com.",
            run.JsonError("invalid_config").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Cancellation_during_a_send_exits_130_with_one_json_document()
    {
        using var cancellation = new CancellationTokenSource();
        await using var ses = StubSesServer.Start(_ =>
        {
            cancellation.Cancel();
            Thread.Sleep(500); // Answer too late: the command has given up.
            return new StubResponse(200, "{\"MessageId\":\"too-late\"}");
        });
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync(cancellation.Token, "send", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--endpoint", ses.Endpoint.AbsoluteUri, "--json");

        Assert.Equal(130, run.ExitCode);
        Assert.Equal("{\"error\":{\"code\":\"canceled\",\"message\":\"Canceled.\"}}\n", run.Stdout);
    }

    [Fact]
    public async Task The_send_body_carries_the_recipient_in_Punycode_and_the_rendered_subject()
    {
        await using var ses = StubSesServer.StartSes();
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("send", "--config", config.FilePath, "--to", "ada@B\u00FCcher.example", "--type", "Register", "--code", "987654", "--endpoint", ses.Endpoint.AbsoluteUri);

        Assert.Equal(0, run.ExitCode);
        using var body = JsonDocument.Parse(Assert.Single(ses.Requests).Body);
        Assert.Equal("ada@xn--bcher-kva.example", body.RootElement.GetProperty("Destination").GetProperty("ToAddresses")[0].GetString());
        Assert.Equal("Register 987654", body.RootElement.GetProperty("Content").GetProperty("Simple").GetProperty("Subject").GetProperty("Data").GetString());
    }
}
