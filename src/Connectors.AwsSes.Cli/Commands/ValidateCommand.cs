namespace Connectors.AwsSes.Cli.Commands;

/// <summary><c>validate</c>: checks a config as the connector does before a send, naming every problem.</summary>
internal sealed class ValidateCommand : ICliCommand
{
    public string Name => "validate";

    public string Summary => "Checks the config as the connector does, naming every problem; contacts nobody.";

    public IReadOnlyList<CliOption> Options { get; } = [CliOption.Config, CliOption.Json];

    public async Task<int> RunAsync(CliArguments args, CliOutput output, CancellationToken cancellationToken)
    {
        using var config = await ConfigFile.LoadAsync(args.Required(CliOption.Config), endpoint: null, cancellationToken);
        ConnectorFactory.Create().ValidateConfig(config.RootElement);
        if (output.IsJson)
        {
            output.WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("valid", true);
                writer.WriteEndObject();
            });
        }
        else
        {
            output.WriteLine("The config is valid.");
        }

        return ExitCodes.Success;
    }
}
