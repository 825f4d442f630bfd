using System.Reflection;
using Connectors.AwsSes.Cli.Commands;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Cli;

/// <summary>The <c>ses-connector</c> command, runnable in-process: arguments in, text out, exit code back.</summary>
internal static class Cli
{
    public const string CommandName = "ses-connector";

    internal static IReadOnlyList<ICliCommand> Commands { get; } =
        [new SendCommand(), new RenderCommand(), new ValidateCommand(), new AccountCommand()];

    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, the verb first.</param>
    /// <param name="stdout">Where results go (in <c>--json</c> mode, exactly one JSON document).</param>
    /// <param name="stderr">Where human-readable errors go.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = new CliOutput(stdout, stderr, args.Contains("--json", StringComparer.Ordinal));
        var command = args.Length > 0 ? Commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal)) : null;

        if (args.Any(a => a is "--help" or "-h"))
        {
            stdout.Write(UsageText.Help(command));
            stdout.Flush();
            return ExitCodes.Success;
        }

        if (args is ["--version"])
        {
            stdout.Write(Version() + "\n");
            stdout.Flush();
            return ExitCodes.Success;
        }

        if (command is null)
        {
            var message = args.Length == 0 || args[0].Length == 0
                ? $"No verb given; expected one of {UsageText.Verbs}."
                : args[0].StartsWith('-')
                    ? $"The verb ({UsageText.Verbs}) must come first, before '{args[0]}'."
                    : $"Unknown verb '{args[0]}'; expected one of {UsageText.Verbs}.";
            return output.FailUsage(message, UsageText.Hint(null));
        }

        try
        {
            var parsed = CliArguments.Parse(command.Name, args[1..], command.Options);
            return await command.RunAsync(parsed, output, cancellationToken);
        }
        catch (UsageException exception)
        {
            return output.FailUsage(exception.Message, UsageText.Hint(command));
        }
        catch (ConnectorError error)
        {
            return output.Fail(error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return output.FailCanceled();
        }
#pragma warning disable CA1031 // The command's last line of defence: a bug is reported as "general", never as a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return output.FailUnexpected(exception);
        }
    }

    private static string Version() =>
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(Cli).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
