using Connectors.AwsSes.Cli.Tests.Support;

namespace Connectors.AwsSes.Cli.Tests;

public sealed class RenderTests
{
    [Fact]
    public async Task Render_prints_the_exact_SendEmail_body_with_code_and_locale_winning_over_the_payload()
    {
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync(
            "render", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn",
            "--payload", "{\"code\":\"111111\",\"name\":\"Ada <&>\",\"locale\":\"en\"}",
            "--code", "222222", "--locale", "fr-CA", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Equal(
            "{\"FromEmailAddress\":\"Example <noreply@example.com>\","
            + "\"Destination\":{\"ToAddresses\":[\"user@example.com\"]},"
            + "\"Content\":{\"Simple\":{"
            + "\"Subject\":{\"Data\":\"Sign-in code 222222\",\"Charset\":\"UTF-8\"},"
            + "\"Body\":{"
            + "\"Html\":{\"Data\":\"<p>Hello Ada &lt;&amp;&gt;, your code is <b>222222</b> (fr-CA).</p>\",\"Charset\":\"UTF-8\"},"
            + "\"Text\":{\"Data\":\"Hello Ada <&>, your code is 222222 (fr-CA).\",\"Charset\":\"UTF-8\"}}}},"
            + "\"EmailTags\":[{\"Name\":\"usageType\",\"Value\":\"SignIn\"}]}\n",
            run.Stdout);
    }

    [Fact]
    public async Task The_payloads_code_and_locale_are_used_when_no_option_overrides_them()
    {
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync(
            "render", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn",
            "--payload", "{\"code\":\"111111\",\"name\":\"Ada\",\"locale\":\"en\"}", "--json");

        Assert.Equal(0, run.ExitCode);
        var simple = run.Json().GetProperty("Content").GetProperty("Simple");
        Assert.Equal("Sign-in code 111111", simple.GetProperty("Subject").GetProperty("Data").GetString());
        Assert.Equal("<p>Hello Ada, your code is <b>111111</b> (en).</p>", simple.GetProperty("Body").GetProperty("Html").GetProperty("Data").GetString());
    }

    [Fact]
    public async Task Code_alone_renders_and_absent_placeholders_stay_literal_as_in_Logto()
    {
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync(
            "render", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--code", "123456", "--json");

        Assert.Equal(0, run.ExitCode);
        var html = run.Json().GetProperty("Content").GetProperty("Simple").GetProperty("Body").GetProperty("Html").GetProperty("Data").GetString();
        Assert.Equal("<p>Hello {{ name }}, your code is <b>123456</b> ({{locale}}).</p>", html);
    }

    [Fact]
    public async Task Optional_config_fields_reach_the_request_and_a_type_without_a_template_falls_back_to_Generic()
    {
        var json = TempConfig.Valid();
        json["emailAddressIdentityArn"] = "arn:aws:ses:us-east-1:123456789012:identity/example.com";
        json["feedbackForwardingEmailAddress"] = "Bounces <bounces@example.com>";
        json["configurationSetName"] = "auth-emails";
        json["sendPlainTextPart"] = false;
        json["tagUsageType"] = false;
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync(
            "render", "--config", config.FilePath, "--to", "user@example.com", "--type", "OrganizationInvitation", "--code", "42", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "{\"FromEmailAddress\":\"Example <noreply@example.com>\","
            + "\"FromEmailAddressIdentityArn\":\"arn:aws:ses:us-east-1:123456789012:identity/example.com\","
            + "\"Destination\":{\"ToAddresses\":[\"user@example.com\"]},"
            + "\"FeedbackForwardingEmailAddress\":\"bounces@example.com\","
            + "\"Content\":{\"Simple\":{"
            + "\"Subject\":{\"Data\":\"Code 42\",\"Charset\":\"UTF-8\"},"
            + "\"Body\":{\"Html\":{\"Data\":\"<p>42</p>\",\"Charset\":\"UTF-8\"}}}},"
            + "\"ConfigurationSetName\":\"auth-emails\"}\n",
            run.Stdout);
    }

    [Fact]
    public async Task Render_without_json_prints_a_readable_email()
    {
        var json = TempConfig.Valid();
        json["configurationSetName"] = "auth-emails";
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync(
            "render", "--config", config.FilePath, "--to", "user@example.com", "--type", "SignIn",
            "--payload", "{\"name\":\"Ada\"}", "--code", "222222", "--locale", "fr");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Equal(
            """
            From: Example <noreply@example.com>
            To: user@example.com
            Configuration set: auth-emails
            Tags: usageType=SignIn
            Subject: Sign-in code 222222

            --- HTML part (UTF-8) ---
            <p>Hello Ada, your code is <b>222222</b> (fr).</p>

            --- Text part (UTF-8) ---
            Hello Ada, your code is 222222 (fr).

            """.ReplaceLineEndings("\n"),
            run.Stdout);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Render_never_prints_the_secret_key_or_the_session_token(bool json)
    {
        var config = TempConfig.Valid();
        config["sessionToken"] = "SESSIONTOKENvalue0123456789";
        config["endpoint"] = "http://127.0.0.1:9";
        using var file = TempConfig.Write(config);
        List<string> args = ["render", "--config", file.FilePath, "--to", "user@example.com", "--type", "Register", "--code", "1"];
        if (json)
        {
            args.Add("--json");
        }

        var run = await CliRun.RunAsync([.. args]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(TempConfig.Secret, run.Stdout + run.Stderr);
        Assert.DoesNotContain("SESSIONTOKENvalue0123456789", run.Stdout + run.Stderr);
        Assert.DoesNotContain(TempConfig.AccessKeyId, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task A_bad_recipient_is_a_connector_error_not_a_usage_error()
    {
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("render", "--config", config.FilePath, "--to", "not-an-address", "--type", "SignIn", "--json");

        Assert.Equal(1, run.ExitCode);
        run.JsonError("invalid_request_parameters");
    }
}
