using System.Text;
using Connectors.AwsSes.Cli.Commands;

namespace Connectors.AwsSes.Cli;

/// <summary>The help and usage text, derived from the verbs' option lists.</summary>
internal static class UsageText
{
    public static string Verbs => string.Join(", ", Cli.Commands.Select(c => c.Name));

    /// <summary>Gets one verb's synopsis, e.g. <c>ses-connector validate --config FILE [--json]</c>.</summary>
    /// <param name="command">The verb.</param>
    /// <param name="align">Whether to pad the verb so that the options of several verbs line up.</param>
    public static string Synopsis(ICliCommand command, bool align = false) =>
        $"{Cli.CommandName} {(align ? command.Name.PadRight(8) : command.Name)} {string.Join(" ", command.Options.Select(o => o.Synopsis))}";

    /// <summary>Gets the lines shown under a usage error.</summary>
    public static string Hint(ICliCommand? command)
    {
        var text = new StringBuilder("Usage:\n");
        foreach (var c in command is null ? Cli.Commands : [command])
        {
            text.Append("  ").Append(Synopsis(c, align: command is null)).Append('\n');
        }

        return text.Append($"Run '{Cli.CommandName} {(command is null ? string.Empty : command.Name + " ")}--help' for details.").ToString();
    }

    /// <summary>Gets the full help: every verb, or the one given.</summary>
    public static string Help(ICliCommand? command)
    {
        var text = new StringBuilder();
        var commands = command is null ? Cli.Commands : [command];
        if (command is null)
        {
            text.Append(Cli.CommandName).Append(": validate, render and send with the Logto-compatible Amazon SES v2 connector.\n\n");
        }

        text.Append("Usage:\n");
        foreach (var c in commands)
        {
            text.Append("  ").Append(Synopsis(c, align: command is null)).Append('\n');
        }

        text.Append("\nVerbs:\n");
        foreach (var c in commands)
        {
            text.Append("  ").Append(c.Name.PadRight(10)).Append(c.Summary).Append('\n');
        }

        text.Append("\nOptions:\n");
        foreach (var option in commands.SelectMany(c => c.Options).Distinct())
        {
            var name = option.IsFlag ? "--" + option.Name : "--" + option.Name + " " + option.ValueName;
            text.Append("  ").Append(name.PadRight(20)).Append(option.Help).Append('\n');
        }

        text.Append("  --help, -h          Show this help.\n");
        text.Append("\nExit codes: 0 success, 1 connector error, 2 bad usage, 130 canceled (Ctrl+C).\n");
        return text.ToString();
    }
}
