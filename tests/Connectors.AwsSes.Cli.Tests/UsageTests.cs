using Connectors.AwsSes.Cli.Tests.Support;

namespace Connectors.AwsSes.Cli.Tests;

public sealed class UsageTests : IDisposable
{
    private const string ConfigToken = "{config}";
    private readonly TempConfig _config = TempConfig.Write(TempConfig.Valid());

    public static TheoryData<string[]> BadCommandLines => new()
    {
        new[] { "frobnicate" },
        new[] { "--config", ConfigToken },
        new[] { "Validate", "--config", ConfigToken },
        new[] { "validate" },
        new[] { "validate", "--config" },
        new[] { "validate", "--config", "" },
        new[] { "validate", "--config", ConfigToken, "--bogus" },
        new[] { "validate", "--config", ConfigToken, "stray" },
        new[] { "validate", "--config", ConfigToken, "--config", ConfigToken },
        new[] { "validate", "--config", ConfigToken, "--endpoint", "http://127.0.0.1:9" },
        new[] { "account" },
        new[] { "render", "--to", "user@example.com", "--type", "SignIn" },
        new[] { "render", "--config", ConfigToken, "--type", "SignIn" },
        new[] { "render", "--config", ConfigToken, "--to", "user@example.com" },
        new[] { "render", "--config", ConfigToken, "--to", "user@example.com", "--type", "Nope" },
        new[] { "render", "--config", ConfigToken, "--to", "user@example.com", "--type", "signin" },
        new[] { "render", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--payload", "[1]" },
        new[] { "render", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--payload", "\"text\"" },
        new[] { "render", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--payload", "null" },
        new[] { "render", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--payload", "{oops" },
        new[] { "render", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--endpoint", "http://127.0.0.1:9" },
        new[] { "send", "--config", ConfigToken, "--to", "user@example.com", "--type", "Nope", "--endpoint", "http://127.0.0.1:9" },
        new[] { "send", "--config", ConfigToken, "--to", "user@example.com", "--type", "SignIn", "--payload", "42", "--endpoint", "http://127.0.0.1:9" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task Bad_usage_exits_2_with_one_json_usage_error(string[] args)
    {
        var run = await CliRun.RunAsync([.. Resolve(args), "--json"]);

        Assert.Equal(2, run.ExitCode);
        var error = run.JsonError("usage");
        Assert.Equal(["code", "message"], error.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task Bad_usage_without_json_exits_2_with_the_error_and_the_syntax_on_stderr(string[] args)
    {
        var run = await CliRun.RunAsync(Resolve(args));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("error (usage): ", run.Stderr);
        Assert.Contains("\nUsage:\n  ses-connector ", run.Stderr);
    }

    [Fact]
    public async Task No_arguments_at_all_is_bad_usage()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("error (usage): No verb given; expected one of send, render, validate, account.\n", run.Stderr);
    }

    [Fact]
    public async Task Json_alone_is_bad_usage_as_one_json_document()
    {
        var run = await CliRun.RunAsync("--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "{\"error\":{\"code\":\"usage\",\"message\":\"The verb (send, render, validate, account) must come first, before '--json'.\"}}\n",
            run.Stdout);
    }

    [Fact]
    public async Task An_unknown_verb_is_named()
    {
        var run = await CliRun.RunAsync("frobnicate", "--json");

        Assert.Equal(
            "{\"error\":{\"code\":\"usage\",\"message\":\"Unknown verb 'frobnicate'; expected one of send, render, validate, account.\"}}\n",
            run.Stdout);
    }

    [Fact]
    public async Task Missing_required_options_are_named()
    {
        var run = await CliRun.RunAsync("send", "--type", "SignIn", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("'send' needs --config, --to.", run.JsonError("usage").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_type_lists_the_usage_types()
    {
        var run = await CliRun.RunAsync("render", "--config", _config.FilePath, "--to", "user@example.com", "--type", "Login", "--json");

        Assert.Equal(
            "--type 'Login' is not a usage type; expected one of SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa (case-sensitive).",
            run.JsonError("usage").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_payload_that_is_not_an_object_says_so()
    {
        var run = await CliRun.RunAsync("render", "--config", _config.FilePath, "--to", "user@example.com", "--type", "SignIn", "--payload", "[1]", "--json");

        Assert.Equal(
            "--payload must be a JSON object, such as '{\"link\":\"https://example.com\"}', not an array.",
            run.JsonError("usage").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Usage_is_checked_before_the_config_file_is_read()
    {
        var run = await CliRun.RunAsync("render", "--config", "/nonexistent/config.json", "--to", "user@example.com", "--type", "Nope", "--json");

        Assert.Equal(2, run.ExitCode);
        run.JsonError("usage");
    }

    [Fact]
    public async Task Options_may_be_given_as_name_equals_value_and_in_any_order()
    {
        var run = await CliRun.RunAsync("render", "--json", "--type=SignIn", "--to=user@example.com", $"--config={_config.FilePath}", "--code=--7--");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Sign-in code --7--", run.Json().GetProperty("Content").GetProperty("Simple").GetProperty("Subject").GetProperty("Data").GetString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_every_verb_and_exits_0(string flag)
    {
        var run = await CliRun.RunAsync(flag);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Contains("  ses-connector send     --config FILE --to ADDRESS --type TYPE [--code CODE] [--payload JSON] [--locale TAG] [--endpoint URL] [--json]\n", run.Stdout);
        Assert.Contains("  ses-connector render   --config FILE --to ADDRESS --type TYPE [--code CODE] [--payload JSON] [--locale TAG] [--json]\n", run.Stdout);
        Assert.Contains("  ses-connector validate --config FILE [--json]\n", run.Stdout);
        Assert.Contains("  ses-connector account  --config FILE [--endpoint URL] [--json]\n", run.Stdout);
    }

    [Fact]
    public async Task A_verbs_help_shows_that_verb()
    {
        var run = await CliRun.RunAsync("account", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Usage:\n  ses-connector account --config FILE [--endpoint URL] [--json]\n", run.Stdout);
        Assert.DoesNotContain("ses-connector send", run.Stdout);
    }

    public void Dispose() => _config.Dispose();

    private string[] Resolve(string[] args) => args.Select(a => a == ConfigToken ? _config.FilePath : a).ToArray();
}
