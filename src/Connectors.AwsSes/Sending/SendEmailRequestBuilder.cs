using Connectors.AwsSes.Addresses;
using Connectors.AwsSes.Ses.Model;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;

namespace Connectors.AwsSes.Sending;

/// <summary>Builds the SES v2 <c>SendEmail</c> request of one email; pure, so it is asserted field by field.</summary>
internal static class SendEmailRequestBuilder
{
    /// <summary>The name of the tag that carries the usage type.</summary>
    public const string UsageTypeTagName = "usageType";

    private static readonly MessageTag[][] UsageTypeTags = TemplateTypes.All
        .Select(type => new[] { new MessageTag { Name = UsageTypeTagName, Value = type.ToWireName() } })
        .ToArray();

    /// <summary>Renders <paramref name="template"/> for <paramref name="data"/> and builds the request.</summary>
    /// <exception cref="ConnectorError">The template's reply-to address or sender name is invalid (<c>invalid_config</c>).</exception>
    public static SendEmailRequest Build(PreparedConfig config, PreparedTemplate template, MailboxAddress recipient, SendMessageData data)
    {
        var options = config.Options;
        var rendered = template.Render(data.Payload, options.SendPlainTextPart);
        return new SendEmailRequest
        {
            FromEmailAddress = SenderFor(config, template.SendFrom),
            FromEmailAddressIdentityArn = string.IsNullOrEmpty(options.EmailAddressIdentityArn) ? null : options.EmailAddressIdentityArn,
            Destination = new Destination { ToAddresses = [recipient.Address] },
            ReplyToAddresses = ReplyToFor(template.ReplyTo),
            FeedbackForwardingEmailAddress = config.FeedbackForwardingAddress,
            FeedbackForwardingEmailAddressIdentityArn = string.IsNullOrEmpty(options.FeedbackForwardingEmailAddressIdentityArn) ? null : options.FeedbackForwardingEmailAddressIdentityArn,
            Content = new EmailContent
            {
                Simple = new SimpleMessage
                {
                    Subject = new SesContent { Data = rendered.Subject },
                    Body = new MessageBody
                    {
                        Html = rendered.Html is null ? null : new SesContent { Data = rendered.Html },
                        Text = rendered.Text is null ? null : new SesContent { Data = rendered.Text },
                    },
                },
            },
            EmailTags = options.TagUsageType ? UsageTypeTags[(int)data.Type] : null,
            ConfigurationSetName = string.IsNullOrEmpty(options.ConfigurationSetName) ? null : options.ConfigurationSetName,
        };
    }

    private static string SenderFor(PreparedConfig config, string? sendFrom)
    {
        if (string.IsNullOrWhiteSpace(sendFrom))
        {
            return config.SenderHeader;
        }

        foreach (var c in sendFrom)
        {
            if (char.IsControl(c))
            {
                throw new ConnectorError(ConnectorErrorCode.InvalidConfig, "The localized template's 'sendFrom' contains a line break or another control character.");
            }
        }

        return config.Sender.WithDisplayName(sendFrom.Trim()).ToHeaderValue();
    }

    private static string[]? ReplyToFor(string? replyTo)
    {
        if (string.IsNullOrWhiteSpace(replyTo))
        {
            return null;
        }

        if (!EmailAddressParser.TryParseMailbox(replyTo, out var mailbox, out var problem))
        {
            throw new ConnectorError(ConnectorErrorCode.InvalidConfig, "The localized template's 'replyTo' " + problem + ".");
        }

        return [mailbox.ToHeaderValue()];
    }
}
