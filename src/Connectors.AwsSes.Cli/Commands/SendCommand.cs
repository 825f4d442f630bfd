namespace Connectors.AwsSes.Cli.Commands;

/// <summary><c>send</c>: sends one email through SES and prints its message id.</summary>
internal sealed class SendCommand : ICliCommand
{
    public string Name => "send";

    public string Summary => "Sends one email through SES and prints its message id.";

    public IReadOnlyList<CliOption> Options { get; } = [.. MessageInput.Options, CliOption.Endpoint, CliOption.Json];

    public async Task<int> RunAsync(CliArguments args, CliOutput output, CancellationToken cancellationToken)
    {
        var data = MessageInput.FromArguments(args);
        using var config = await ConfigFile.LoadAsync(args.Required(CliOption.Config), args[CliOption.Endpoint], cancellationToken);
        var messageId = await ConnectorFactory.Create().SendMessageAsync(data, config.RootElement, cancellationToken);
        if (output.IsJson)
        {
            output.WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("messageId", messageId);
                writer.WriteEndObject();
            });
        }
        else
        {
            output.WriteLine("Sent. Message id: " + messageId);
        }

        return ExitCodes.Success;
    }
}
