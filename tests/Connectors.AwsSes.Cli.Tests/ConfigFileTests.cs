using System.Text;
using Connectors.AwsSes.Cli.Tests.Support;

namespace Connectors.AwsSes.Cli.Tests;

public sealed class ConfigFileTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("render")]
    [InlineData("send")]
    [InlineData("account")]
    public async Task A_missing_config_file_is_invalid_config_naming_the_file(string verb)
    {
        var path = Path.Combine(Path.GetTempPath(), "ses-connector-tests-" + Guid.NewGuid().ToString("N"), "config.json");
        string[] args = verb is "render" or "send"
            ? [verb, "--config", path, "--to", "user@example.com", "--type", "SignIn", "--json"]
            : [verb, "--config", path, "--json"];

        var run = await CliRun.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        var error = run.JsonError("invalid_config");
        Assert.Equal($"The config file '{path}' could not be read: its directory does not exist.", error.GetProperty("message").GetString());
        Assert.Equal(["code", "message"], error.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_missing_file_in_an_existing_directory_does_not_exist()
    {
        var path = Path.Combine(Path.GetTempPath(), "ses-connector-tests-missing-" + Guid.NewGuid().ToString("N") + ".json");

        var run = await CliRun.RunAsync("validate", "--config", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal($"error (invalid_config): The config file '{path}' could not be read: it does not exist.\n", run.Stderr);
    }

    [Fact]
    public async Task A_directory_is_not_a_config_file()
    {
        var run = await CliRun.RunAsync("validate", "--config", Path.GetTempPath(), "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("could not be read: it is a directory.", run.JsonError("invalid_config").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invalid_json_is_invalid_config_with_its_position_and_without_its_text()
    {
        using var config = TempConfig.WriteText("{\n  \"accessKeySecret\": \"" + TempConfig.Secret + "\" oops\n}");

        var run = await CliRun.RunAsync("validate", "--config", config.FilePath, "--json");

        Assert.Equal(1, run.ExitCode);
        var message = run.JsonError("invalid_config").GetProperty("message").GetString();
        Assert.Equal($"The config file '{config.FilePath}' is not valid JSON (line 2, byte 65).", message);
        Assert.DoesNotContain(TempConfig.Secret, run.Stdout);
        Assert.DoesNotContain("oops", run.Stdout);
    }

    [Fact]
    public async Task A_config_saved_with_a_byte_order_mark_is_read()
    {
        using var config = TempConfig.WriteText(Encoding.UTF8.GetString(Encoding.UTF8.Preamble) + TempConfig.Valid().ToJsonString());

        var run = await CliRun.RunAsync("validate", "--config", config.FilePath, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"valid\":true}\n", run.Stdout);
    }
}
