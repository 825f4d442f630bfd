using System.Text.Json.Nodes;
using Connectors.AwsSes.Cli.Tests.Support;

namespace Connectors.AwsSes.Cli.Tests;

public sealed class ValidateTests
{
    [Fact]
    public async Task A_good_config_is_valid_as_one_json_document()
    {
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("validate", "--config", config.FilePath, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"valid\":true}\n", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task A_good_config_is_valid_in_human_text()
    {
        using var config = TempConfig.Write(TempConfig.Valid());

        var run = await CliRun.RunAsync("validate", "--config", config.FilePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("The config is valid.\n", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Missing_required_templates_are_invalid_config_with_Logtos_message()
    {
        var json = TempConfig.Valid();
        var templates = json["templates"]!.AsArray();
        templates.RemoveAt(3); // Generic
        templates.RemoveAt(2); // ForgotPassword
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync("validate", "--config", config.FilePath, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "{\"error\":{\"code\":\"invalid_config\",\"message\":\"Template with UsageType (ForgotPassword, Generic) should be provided!\"}}\n",
            run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task A_bad_config_in_human_mode_goes_to_stderr()
    {
        var json = TempConfig.Valid();
        json.Remove("region");
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync("validate", "--config", config.FilePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("error (invalid_config): 'region' is required (e.g. us-east-1).\n", run.Stderr);
    }

    [Fact]
    public async Task Every_problem_is_named_and_the_secret_is_never_quoted()
    {
        var json = TempConfig.Valid();
        json["accessKeySecret"] = "not a valid secret";
        json["emailAddress"] = 42;
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync("validate", "--config", config.FilePath, "--json");

        Assert.Equal(1, run.ExitCode);
        var error = run.JsonError("invalid_config");
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("'emailAddress' must be a string, not a number.", message);
        Assert.Contains("'accessKeySecret' must not contain spaces or line breaks.", message);
        Assert.DoesNotContain("not a valid secret", run.Stdout);
    }

    [Fact]
    public async Task A_config_that_is_not_an_object_is_invalid_config()
    {
        using var config = TempConfig.WriteText("[1, 2]");

        var run = await CliRun.RunAsync("validate", "--config", config.FilePath, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("The config must be a JSON object, not an array.", run.JsonError("invalid_config").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_keys_of_a_pasted_Logto_config_are_ignored()
    {
        var json = TempConfig.Valid();
        json["someFutureLogtoKey"] = new JsonObject { ["x"] = 1 };
        using var config = TempConfig.Write(json);

        var run = await CliRun.RunAsync("validate", "--json", "--config", config.FilePath);

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Json().GetProperty("valid").GetBoolean());
    }
}
