using System.Text.Json;

namespace Connectors.AwsSes.Cli.Tests.Support;

/// <summary>One in-process run of the command: exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public static async Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await Cli.RunAsync(args, stdout, stderr, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Parses stdout, asserting it is exactly one JSON document followed by a line break.</summary>
    public JsonElement Json()
    {
        Assert.EndsWith("\n", Stdout);
        Assert.Single(Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var document = JsonDocument.Parse(Stdout); // Throws on anything after the first document.
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the run printed the one JSON error document with <paramref name="code"/> and returns its <c>error</c> object.</summary>
    public JsonElement JsonError(string code)
    {
        var error = Json().GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Empty(Stderr);
        return error;
    }
}
