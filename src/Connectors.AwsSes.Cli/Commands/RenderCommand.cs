using System.Text.Json;
using Connectors.AwsSes.Ses;
using Connectors.AwsSes.Ses.Model;

namespace Connectors.AwsSes.Cli.Commands;

/// <summary><c>render</c>: prints the SES <c>SendEmail</c> request body a send would make; sends nothing.</summary>
internal sealed class RenderCommand : ICliCommand
{
    public string Name => "render";

    public string Summary => "Prints the SendEmail request body a send would make; sends nothing.";

    public IReadOnlyList<CliOption> Options { get; } = [.. MessageInput.Options, CliOption.Json];

    public async Task<int> RunAsync(CliArguments args, CliOutput output, CancellationToken cancellationToken)
    {
        var data = MessageInput.FromArguments(args);
        using var config = await ConfigFile.LoadAsync(args.Required(CliOption.Config), endpoint: null, cancellationToken);
        var (_, request) = await ConnectorFactory.Create().PrepareAsync(data, config.RootElement, cancellationToken);
        if (output.IsJson)
        {
            // Byte for byte the body SesHttpClient posts.
            output.WriteJsonText(JsonSerializer.Serialize(request, SesJsonContext.Wire.SendEmailRequest));
        }
        else
        {
            WriteHuman(request, output);
        }

        return ExitCodes.Success;
    }

    private static void WriteHuman(SendEmailRequest request, CliOutput output)
    {
        output.WriteLine("From: " + request.FromEmailAddress);
        WriteIfPresent(output, "From identity ARN", request.FromEmailAddressIdentityArn);
        output.WriteLine("To: " + string.Join(", ", request.Destination.ToAddresses));
        if (request.ReplyToAddresses is { Count: > 0 } replyTo)
        {
            output.WriteLine("Reply-To: " + string.Join(", ", replyTo));
        }

        WriteIfPresent(output, "Feedback forwarding", request.FeedbackForwardingEmailAddress);
        WriteIfPresent(output, "Feedback forwarding identity ARN", request.FeedbackForwardingEmailAddressIdentityArn);
        WriteIfPresent(output, "Configuration set", request.ConfigurationSetName);
        if (request.EmailTags is { Count: > 0 } tags)
        {
            output.WriteLine("Tags: " + string.Join(", ", tags.Select(t => t.Name + "=" + t.Value)));
        }

        var message = request.Content.Simple;
        output.WriteLine("Subject: " + message.Subject.Data);
        WritePart(output, "HTML", message.Body.Html);
        WritePart(output, "Text", message.Body.Text);
    }

    private static void WriteIfPresent(CliOutput output, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            output.WriteLine(label + ": " + value);
        }
    }

    private static void WritePart(CliOutput output, string label, SesContent? part)
    {
        if (part is null)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"--- {label} part ({part.Charset ?? "no charset"}) ---");
        output.WriteLine(part.Data);
    }
}
