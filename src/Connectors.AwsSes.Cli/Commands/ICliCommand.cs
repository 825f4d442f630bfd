namespace Connectors.AwsSes.Cli.Commands;

/// <summary>A verb of <c>ses-connector</c>.</summary>
internal interface ICliCommand
{
    /// <summary>Gets the verb, e.g. <c>send</c>.</summary>
    string Name { get; }

    /// <summary>Gets one line saying what the verb does.</summary>
    string Summary { get; }

    /// <summary>Gets the options the verb accepts, in synopsis order.</summary>
    IReadOnlyList<CliOption> Options { get; }

    /// <summary>Runs the verb.</summary>
    /// <returns>The exit code.</returns>
    /// <exception cref="UsageException">An option value is unusable.</exception>
    /// <exception cref="Kit.Errors.ConnectorError">The connector failed.</exception>
    Task<int> RunAsync(CliArguments args, CliOutput output, CancellationToken cancellationToken);
}
